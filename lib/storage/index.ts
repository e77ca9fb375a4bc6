import "server-only";
import { env } from "@/lib/env";
import { uploadLimitBytes } from "./file-type";
import { LocalDiskStorage, storageRoot } from "./local-disk";
import type { FileStorage } from "./types";

export type { FileStorage, StoredFile } from "./types";

let storage: FileStorage | undefined;

/** The configured file store. Local disk by default; instances behind a load balancer need a shared one. */
export function fileStorage(): FileStorage {
  return (storage ??= new LocalDiskStorage(storageRoot(env.STORAGE_DIR)));
}

/** The largest file, in MB, accepted for a purpose ("photo", "document"…): for upload fields' hints. */
export function uploadLimitMb(purpose: string): number {
  return uploadLimitBytes(purpose, env.UPLOAD_MAX_MB) / (1024 * 1024);
}
