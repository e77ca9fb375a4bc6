import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const store = async () => {
  const d = await mkdtemp(path.join(tmpdir(), "ocop-storage-"));
  dirs.push(d);
  return { d, s: new LocalDiskStorage(d) };
};

describe("LocalDiskStorage (real files)", () => {
  it("stores, reads back and removes a file, with its size and SHA-256", async () => {
    const { s } = await store();
    const bytes = new TextEncoder().encode("Phiếu đăng ký OCOP");
    const f = await s.put(bytes, { prefix: "dossiers" });
    expect(f.key).toMatch(/^dossiers\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(f.size).toBe(bytes.byteLength);
    expect(f.sha256).toBe(createHash("sha256").update("Phiếu đăng ký OCOP").digest("hex"));
    expect((await s.get(f.key))?.toString("utf8")).toBe("Phiếu đăng ký OCOP");
    await s.remove(f.key);
    expect(await s.get(f.key)).toBeNull();
  });

  it("leaves no partial file behind and gives distinct keys to identical content", async () => {
    const { d, s } = await store();
    const a = await s.put(new Uint8Array([1, 2, 3]));
    const b = await s.put(new Uint8Array([1, 2, 3]));
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(b.sha256);
    const files = (await readdir(d, { recursive: true })).map(String);
    expect(files.some((f) => f.endsWith(".part"))).toBe(false);
  });

  it("refuses keys that could escape its folder", async () => {
    const { s } = await store();
    await expect(s.get("../../etc/passwd")).rejects.toThrow("invalid storage key");
    await expect(s.remove("/etc/passwd")).rejects.toThrow("invalid storage key");
  });
});
