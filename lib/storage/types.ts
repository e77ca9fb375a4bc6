export type StoredFile = { key: string; size: number; sha256: string };

/**
 * Where uploaded documents live. Keys are made by the server (never a client's file name), so a
 * key can be trusted as a path fragment by every driver.
 */
export interface FileStorage {
  put(data: Uint8Array, opts?: { prefix?: string }): Promise<StoredFile>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}
