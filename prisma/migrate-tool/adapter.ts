// Two workarounds for @prisma/adapter-pg 6.19.3 used by the migration tool only (never the app):
// 1. catalog columns of type "char" (18) and name (19) cannot be deserialised (prisma/orm#27403),
//    so they are reported as text (25);
// 2. executeScript splits the script on every ";", which breaks function bodies ($$ … $$), so the
//    whole migration is sent as one simple-protocol query instead;
// 3. the stock connectToShadowDb replays migrations onto the main database when a connection
//    string is given, so the shadow database is created and dropped here.
import { PrismaPg } from "@prisma/adapter-pg";
// @ts-expect-error pg's internal module has no type declarations
import Result from "pg/lib/result";

const R = Result as { prototype: { addFields: (f: { dataTypeID: number }[]) => unknown }; patched?: boolean };
if (!R.patched) {
  const addFields = R.prototype.addFields;
  R.prototype.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  R.patched = true;
}

export function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>;

function wholeScripts(conn: Connection): Connection {
  const c = conn as unknown as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
  conn.executeScript = async (script: string) => {
    try {
      await c.client.query(script);
    } catch (error) {
      c.onError(error);
    }
  };
  return conn;
}

export class PrismaPgMigrate extends PrismaPg {
  private readonly cfg: ReturnType<typeof pgConfig>;
  constructor(url: string) {
    const cfg = pgConfig(url);
    super(cfg);
    this.cfg = cfg;
  }
  async connect() {
    return wholeScripts(await super.connect());
  }
  async connectToShadowDb() {
    const admin = await new PrismaPg(this.cfg).connect();
    const name = `prisma_shadow_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = wholeScripts(await new PrismaPg({ ...this.cfg, database: name }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return shadow;
  }
}
