import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { LocalDiskStorage } from "./local-disk";
import type { FileStorage } from "./types";

export type { FileStorage, StoredFile } from "./types";

let storage: FileStorage | undefined;

/** The configured file store. Local disk by default; instances behind a load balancer need a shared one. */
export function fileStorage(): FileStorage {
  return (storage ??= new LocalDiskStorage(path.resolve(env.STORAGE_DIR)));
}
