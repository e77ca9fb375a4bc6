import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import type { FileStorage, StoredFile } from "./types";

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Files under one folder, sharded by the first characters of a random key. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Defence in depth: a key that is not ours (e.g. "../../etc/passwd") never reaches the disk.
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return path.join(this.root, key);
  }

  async put(data: Uint8Array, opts: { prefix?: string } = {}): Promise<StoredFile> {
    const id = randomUUID();
    const prefix = opts.prefix && KEY.test(opts.prefix) ? `${opts.prefix}/` : "";
    const key = `${prefix}${id.slice(0, 2)}/${id}`;
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    await writeFile(`${file}.part`, data);
    await rename(`${file}.part`, file);
    return { key, size: data.byteLength, sha256: createHash("sha256").update(data).digest("hex") };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
