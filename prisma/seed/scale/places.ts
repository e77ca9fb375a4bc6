// Stage 1: the 34 provinces and about a hundred communes and wards each (the 2025 two-level
// administration: province → commune/ward).
import { PLACE_FIRST, PLACE_SECOND, PROVINCES } from "./names";
import { pick, textArray, type Db } from "./sql";

export async function seedPlaces(db: Db) {
  await db.query(`CREATE TEMP TABLE scale_province (idx int PRIMARY KEY, id text, code text, name text)`);
  await db.query(
    `INSERT INTO scale_province SELECT i - 1, 'sprov' || c.code, c.code, c.name
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(code, name, i)`,
    [PROVINCES.map((p) => p[0]), PROVINCES.map((p) => p[1])],
  );
  await db.query(`INSERT INTO "AdminUnit" (id, code, name, kind) SELECT id, code, name, 'PROVINCE' FROM scale_province`);
  // 60 to 140 units per province; one in five is an urban ward. Codes are six digits (province
  // code then a sequence), apart from the five-digit GSO codes of the reference seed.
  await db.query(`
    CREATE TEMP TABLE scale_ward AS
    SELECT (row_number() OVER (ORDER BY p.idx, s) - 1)::int AS idx,
           'sward' || p.code || lpad(s::text, 4, '0') AS id,
           p.code || lpad(s::text, 4, '0') AS code,
           p.idx AS prov,
           p.id AS "parentId",
           (CASE WHEN ${pick("p.idx * 1000 + s", 11, 5)} = 0 THEN 'WARD' ELSE 'COMMUNE' END)::"AdminUnitKind" AS kind,
           (${textArray(PLACE_FIRST)})[1 + ${pick("p.idx * 1000 + s", 12, PLACE_FIRST.length)}] || ' ' ||
           (${textArray(PLACE_SECOND)})[1 + ${pick("p.idx * 1000 + s", 13, PLACE_SECOND.length)}] AS place
      FROM scale_province p, generate_series(1, 60 + ${pick("p.idx", 14, 81)}) s`);
  await db.query(`ALTER TABLE scale_ward ADD PRIMARY KEY (idx)`);
  const { rowCount } = await db.query(`
    INSERT INTO "AdminUnit" (id, code, name, kind, "parentId")
    SELECT id, code, (CASE kind WHEN 'WARD' THEN 'Phường ' ELSE 'Xã ' END) || place, kind, "parentId" FROM scale_ward`);
  return rowCount ?? 0;
}
