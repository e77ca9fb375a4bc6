// npm run db:backup / db:restore (scripts/backup.mjs), run as the operator would: back up the
// test database and a files folder, change rows and files, restore, and find what was backed up.
// The suite shares one database, so restores go to a separate database on the same server
// (dropped afterwards) and the shared one is only read.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { db, makeWorld } from "./world";

const root = path.resolve(import.meta.dirname, "../..");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const PNG = new Uint8Array(readFileSync(path.join(root, "tests/fixtures/san-pham.png")));
const PDF = new Uint8Array(readFileSync(path.join(root, "tests/fixtures/giay-chung-nhan.pdf")));

type Run = { code: number; stdout: string; stderr: string };

/** The script as `npm run db:backup` / `db:restore` start it, with its own files folder. */
function cli(args: string[], storageDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "scripts/backup.mjs"), ...args], { cwd: root, env: { ...process.env, STORAGE_DIR: storageDir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const source = new URL(process.env.DATABASE_URL!);
const restoreDb = `${source.pathname.slice(1)}_restore_${randomBytes(4).toString("hex")}`;
const restoreUrl = Object.assign(new URL(source.href), { pathname: `/${restoreDb}` }).href;
const tmp = mkdtempSync(path.join(os.tmpdir(), "ocop-backup-test-"));
const filesDir = path.join(tmp, "storage");
const freshFilesDir = path.join(tmp, "storage-fresh");
const outDir = path.join(tmp, "backups");

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let tag: string;
let articleId: string;
let kept: { id: string; key: string };
let removed: { id: string; key: string };
let backupFolder: string;
let attachmentsAtBackup: number;

beforeAll(async () => {
  const w = await makeWorld();
  tag = w.tag;
  const storage = new LocalDiskStorage(filesDir);
  const article = await db.newsArticle.create({ data: { slug: `sao-luu-${tag}`, title: `Hội chợ OCOP Bắc Kạn ${tag}`, body: "Nội dung gốc." } });
  articleId = article.id;
  const attach = async (bytes: Uint8Array, fileName: string, mime: string) => {
    const stored = await storage.put(bytes, { prefix: "public" });
    const row = await db.attachment.create({
      data: { entityType: "NewsArticle", entityId: article.id, purpose: "photo", storageKey: stored.key, fileName, mime, size: stored.size, sha256: stored.sha256 },
    });
    return { id: row.id, key: stored.key };
  };
  kept = await attach(PNG, "anh-hoi-cho.png", "image/png");
  removed = await attach(PDF, "ke-hoach.pdf", "application/pdf");
}, 60_000);

afterAll(async () => {
  await query(source.href, `DROP DATABASE IF EXISTS "${restoreDb}" WITH (FORCE)`);
  rmSync(tmp, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("backs up the database and the files with a manifest that describes them", async () => {
    attachmentsAtBackup = await db.attachment.count();
    const run = await cli(["backup", "--out", outDir], filesDir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const folders = readdirSync(outDir);
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^ocop-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    backupFolder = path.join(outDir, folders[0]!);

    const manifest = JSON.parse(readFileSync(path.join(backupFolder, "manifest.json"), "utf8"));
    const [latest] = await query<{ name: string }>(source.href, `SELECT max(migration_name) AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    expect(manifest).toMatchObject({
      format: "ocop-backup/1",
      app: { name: "ocop-portal" },
      database: { name: source.pathname.slice(1), migration: { latest: latest!.name }, schemas: expect.arrayContaining(["public"]) },
      files: { count: 2 },
    });
    expect(manifest.database.pgDump).toMatch(/^pg_dump \(PostgreSQL\) \d+/);
    expect(manifest.database.rowCounts.Attachment).toBe(attachmentsAtBackup);
    expect(manifest.database.dumpSha256).toBe(sha256(readFileSync(path.join(backupFolder, "database.dump"))));
    expect(manifest.files.list).toEqual(
      expect.arrayContaining([
        { key: kept.key, size: PNG.byteLength, sha256: sha256(PNG) },
        { key: removed.key, size: PDF.byteLength, sha256: sha256(PDF) },
      ]),
    );
    // No password in what the backup says about itself.
    expect(readFileSync(path.join(backupFolder, "manifest.json"), "utf8")).not.toContain(decodeURIComponent(source.password) || "\u0000");
  }, 60_000);

  it("after rows and files change, a restore brings back the backed-up rows and bytes", async () => {
    // Update, delete and insert rows; alter, delete and add files.
    await db.newsArticle.update({ where: { id: articleId }, data: { title: "Tiêu đề đã bị sửa", body: "Nội dung mới." } });
    await db.attachment.delete({ where: { id: removed.id } });
    rmSync(path.join(filesDir, removed.key));
    writeFileSync(path.join(filesDir, kept.key), "<html><script>alert(1)</script></html>");
    const added = await new LocalDiskStorage(filesDir).put(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), { prefix: "public" });
    const addedRow = await db.attachment.create({
      data: { entityType: "NewsArticle", entityId: articleId, purpose: "photo", storageKey: added.key, fileName: "moi.pdf", mime: "application/pdf", size: added.size, sha256: added.sha256 },
    });

    // Into a database and a files folder that are both empty: no --yes needed.
    const fresh = await cli(["restore", backupFolder, "--database", restoreDb], freshFilesDir);
    expect(fresh.stderr).toBe("");
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("Đã khôi phục");
    const [article] = await query<{ title: string; body: string }>(restoreUrl, `SELECT title, body FROM "NewsArticle" WHERE id = $1`, [articleId]);
    expect(article).toEqual({ title: `Hội chợ OCOP Bắc Kạn ${tag}`, body: "Nội dung gốc." });
    const files = await query<{ id: string }>(restoreUrl, `SELECT id FROM "Attachment" WHERE "entityId" = $1 ORDER BY id`, [articleId]);
    expect(files.map((f) => f.id).sort()).toEqual([kept.id, removed.id].sort());
    const [{ n }] = (await query<{ n: number }>(restoreUrl, `SELECT count(*)::int AS n FROM "Attachment"`)) as [{ n: number }];
    expect(n).toBe(attachmentsAtBackup);
    expect(new Uint8Array(readFileSync(path.join(freshFilesDir, kept.key)))).toEqual(PNG);
    expect(new Uint8Array(readFileSync(path.join(freshFilesDir, removed.key)))).toEqual(PDF);
    expect(existsSync(path.join(freshFilesDir, added.key))).toBe(false);
    // The shared database was only read.
    expect((await db.newsArticle.findUniqueOrThrow({ where: { id: articleId } })).title).toBe("Tiêu đề đã bị sửa");
    expect(await db.attachment.count({ where: { id: addedRow.id } })).toBe(1);
  }, 90_000);

  it("refuses to overwrite a database or files folder that holds data unless told --yes, then replaces both", async () => {
    // What a newer migration would have added after the backup: a restore must not leave it behind.
    await query(restoreUrl, `CREATE TABLE "AddedAfterTheBackup" (id int)`);
    await query(restoreUrl, `UPDATE "NewsArticle" SET title = 'Sửa sau khi khôi phục' WHERE id = $1`, [articleId]);

    const refused = await cli(["restore", backupFolder, "--database", restoreDb], filesDir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("--yes");
    expect(refused.stderr).toContain("không trống");
    // Nothing was touched.
    expect(readFileSync(path.join(filesDir, kept.key), "utf8")).toContain("<script>");
    expect(await query(restoreUrl, `SELECT 1 FROM "AddedAfterTheBackup"`)).toEqual([]);

    const forced = await cli(["restore", backupFolder, "--database", restoreDb, "--yes"], filesDir);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    const [article] = await query<{ title: string }>(restoreUrl, `SELECT title FROM "NewsArticle" WHERE id = $1`, [articleId]);
    expect(article!.title).toBe(`Hội chợ OCOP Bắc Kạn ${tag}`);
    const [{ extra }] = (await query<{ extra: string | null }>(restoreUrl, `SELECT to_regclass('public."AddedAfterTheBackup"')::text AS extra`)) as [{ extra: string | null }];
    expect(extra).toBeNull();
    // The files folder holds the backed-up bytes again; what the backup did not have is set aside, not deleted.
    expect(new Uint8Array(readFileSync(path.join(filesDir, kept.key)))).toEqual(PNG);
    expect(new Uint8Array(readFileSync(path.join(filesDir, removed.key)))).toEqual(PDF);
    const added = (await db.attachment.findFirstOrThrow({ where: { entityId: articleId, fileName: "moi.pdf" } })).storageKey;
    expect(existsSync(path.join(filesDir, added))).toBe(false);
    const aside = readdirSync(filesDir).filter((n) => n.startsWith(".before-restore-"));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(filesDir, aside[0]!, added))).toBe(true);
    expect(readFileSync(path.join(filesDir, aside[0]!, kept.key), "utf8")).toContain("<script>");
  }, 90_000);

  it("refuses a damaged backup before touching anything", async () => {
    await query(restoreUrl, `UPDATE "NewsArticle" SET title = 'Sửa lần nữa' WHERE id = $1`, [articleId]);
    writeFileSync(path.join(backupFolder, "files", kept.key), "hỏng");
    const run = await cli(["restore", backupFolder, "--database", restoreDb, "--yes"], filesDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bị hỏng");
    expect(run.stderr).toContain(kept.key);
    const [article] = await query<{ title: string }>(restoreUrl, `SELECT title FROM "NewsArticle" WHERE id = $1`, [articleId]);
    expect(article!.title).toBe("Sửa lần nữa");
  }, 60_000);
});
