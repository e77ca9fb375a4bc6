// Small helpers shared by the scale-seed stages: one pg connection, deterministic pseudo-random
// numbers computed in SQL, and a stage timer.
import type { Client } from "pg";

export type Db = Client;

/**
 * A deterministic number in [0, m) from a row number and a salt, computed by the server
 * (hashint8 is PostgreSQL's own hash), so a rerun with --fresh makes the same data and no row
 * needs a round trip.
 */
export const pick = (expr: string, salt: number, m: number | string) =>
  `((hashint8((${expr})::bigint * 7919 + ${salt}) & 2147483647) % (${m}))`;

/** SQL array literal of text values, e.g. for `(ARRAY[...])[1 + i]`. */
export const textArray = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

export async function stage<T>(title: string, fn: () => Promise<T>, describe?: (r: T) => string): Promise<T> {
  const t0 = Date.now();
  process.stdout.write(`  ${title} …`);
  const r = await fn();
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  process.stdout.write(` ${describe ? describe(r) + " " : ""}(${secs} s)\n`);
  return r;
}

export async function count(db: Db, table: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0].n;
}
