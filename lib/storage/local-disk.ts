import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import type { FileStorage, StoredFile } from "./types";

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/**
 * The storage folder for a configured path. Never inside the web root's public/ folder (or the
 * build's static output), whose files Next.js serves to anyone without asking the policy.
 */
export function storageRoot(configured: string, cwd = process.cwd()): string {
  const root = path.resolve(cwd, configured);
  for (const served of ["public", ".next/static"].map((p) => path.resolve(cwd, p))) {
    const rel = path.relative(served, root);
    if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) {
      throw new Error(`STORAGE_DIR không được nằm trong ${served}: tệp ở đó ai cũng tải được / must not be inside ${served}, which is served to anyone`);
    }
  }
  return root;
}

/** Files under one folder, sharded by the first characters of a random key. */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    // Defence in depth: a key that is not ours (e.g. "../../etc/passwd") never reaches the disk,
    // and whatever the key, the path must resolve inside the root.
    if (!KEY.test(key)) throw new Error("invalid storage key");
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error("invalid storage key");
    return file;
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
