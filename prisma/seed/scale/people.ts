// Stage 2: producers (one for every two products, typed like the national figures) and accounts:
// a tenth of the producers, an officer per commune, a council of ten per province, the office.
import { BRAND_WORDS, ETHNICITIES, FAMILY, GIVEN, MIDDLE, PRODUCER_TYPES } from "./names";
import { pick, textArray, type Db } from "./sql";

/** A person's name for row expression `g` (salted), "Thị" as the middle name of women. */
export const personName = (g: string, salt: number, female: string) =>
  `(${textArray(FAMILY)})[1 + ${pick(g, salt, FAMILY.length)}] || ' ' ||
   (CASE WHEN ${female} THEN 'Thị' ELSE (${textArray(MIDDLE)})[1 + ${pick(g, salt + 1, MIDDLE.length)}] END) || ' ' ||
   (${textArray(GIVEN)})[1 + ${pick(g, salt + 2, GIVEN.length)}]`;

export async function seedProducers(db: Db, producers: number) {
  let from = 0;
  const typeCase = PRODUCER_TYPES.map(([type, weight]) => {
    from += weight;
    return `WHEN ${pick("g", 22, 100)} < ${from} THEN '${type}'`;
  }).join(" ");
  const prefixCase = PRODUCER_TYPES.map(([type, , prefix]) => `WHEN '${type}' THEN '${prefix}'`).join(" ");
  await db.query(`
    CREATE TEMP TABLE scale_producer AS
    SELECT g, 'spr' || g AS id, w.idx AS ward, w.id AS "wardId", w.prov,
           (CASE ${typeCase} ELSE 'COOPERATIVE' END)::"ProducerType" AS type,
           ${pick("g", 23, 100)} < 38 AS female
      FROM generate_series(1, $1::int) g
      JOIN scale_ward w ON w.idx = ${pick("g", 21, "(SELECT count(*) FROM scale_ward)")}`, [producers]);
  await db.query(`ALTER TABLE scale_producer ADD PRIMARY KEY (g)`);
  const { rowCount } = await db.query(`
    INSERT INTO "Producer" (id, type, name, "businessRegNo", "taxCode", "legalRepName", "legalRepPosition", "legalRepGender",
                            "legalRepEthnicity", address, "wardId", phone, "memberCount", "workerCount",
                            "verificationStatus", "verifiedAt", "updatedAt")
    SELECT p.id, p.type,
           (CASE p.type ${prefixCase} END) || ' ' ||
             (CASE WHEN p.type = 'HOUSEHOLD_BUSINESS' THEN x.rep ELSE w.place || ' ' || (${textArray(BRAND_WORDS)})[1 + ${pick("p.g", 25, BRAND_WORDS.length)}] END),
           lpad((p.g * 7)::text, 10, '0'), '8' || lpad(p.g::text, 9, '0'),
           x.rep,
           (CASE p.type WHEN 'COOPERATIVE' THEN 'Giám đốc' WHEN 'ENTERPRISE' THEN 'Giám đốc' WHEN 'HOUSEHOLD_BUSINESS' THEN 'Chủ hộ' ELSE 'Trưởng nhóm' END),
           (CASE WHEN p.female THEN 'FEMALE' ELSE 'MALE' END)::"Gender",
           (${textArray(ETHNICITIES)})[1 + ${pick("p.g", 26, ETHNICITIES.length)}],
           'Thôn ' || (1 + ${pick("p.g", 27, 12)}) || ', ' || u.name || ', ' || pv.name,
           p."wardId",
           '09' || lpad(p.g::text, 8, '0'),
           (CASE WHEN p.type IN ('COOPERATIVE', 'COOPERATIVE_GROUP') THEN 7 + ${pick("p.g", 28, 60)} END),
           3 + ${pick("p.g", 29, 80)},
           'VERIFIED', now() - interval '400 days', now()
      FROM scale_producer p
      JOIN scale_ward w ON w.idx = p.ward
      JOIN "AdminUnit" u ON u.id = p."wardId"
      JOIN scale_province pv ON pv.idx = p.prov,
      LATERAL (SELECT ${personName("p.g", 24, "p.female")} AS rep) x`);
  return rowCount ?? 0;
}

export const DEMO = {
  office: "kinhte@ocop.demo",
  leader: "lanhdao@ocop.demo",
  admin: "quantri@ocop.demo",
  communications: "truyenthong@ocop.demo",
  // The chair of the first province's council (index 0 of its pool), who has sheets to open.
  council: "hoidong@ocop.demo",
};

/** Council seats per province: a chair, eight scoring members and a non-scoring secretary. */
export const COUNCIL_SIZE = 10;
export const SCORING_SEATS = 9;

export async function seedUsers(db: Db, passwordHash: string) {
  const fixed: [string, string, string][] = [
    [DEMO.office, "Phòng Kinh tế", "ECONOMIC_OFFICE"],
    [DEMO.leader, "Lãnh đạo UBND", "LEADER"],
    [DEMO.admin, "Quản trị hệ thống", "ADMIN"],
    [DEMO.communications, "Trung tâm Văn hóa, Thể thao và Truyền thông", "COMMUNICATIONS"],
  ];
  let n = 0;
  for (const [email, name, role] of fixed) {
    const r = await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`,
      ["su-" + role.toLowerCase(), email, name, passwordHash, role]);
    n += r.rowCount ?? 0;
  }
  // A tenth of the producers have an account (the others are registered by their ward).
  n += (await db.query(`
    INSERT INTO "User" (id, email, phone, name, "passwordHash", role, "producerId", "updatedAt")
    SELECT 'su-p' || p.g, 'chuthe' || p.g || '@ocop.scale', '08' || lpad(p.g::text, 8, '0'), pr."legalRepName", $1, 'PRODUCER', p.id, now()
      FROM scale_producer p JOIN "Producer" pr ON pr.id = p.id
     WHERE p.g % 10 = 1`, [passwordHash])).rowCount ?? 0;
  n += (await db.query(`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "wardId", "updatedAt")
    SELECT 'su-w' || w.code, 'canbo' || w.code || '@ocop.scale', 'Cán bộ ' || w.place, $1, 'WARD_OFFICER', w.id, now()
      FROM scale_ward w`, [passwordHash])).rowCount ?? 0;
  await db.query(`
    CREATE TEMP TABLE scale_council AS
    SELECT p.idx AS prov, k, (CASE WHEN p.idx = 0 AND k = 0 THEN 'su-council-demo' ELSE 'su-c' || p.code || '-' || k END) AS id,
           (CASE WHEN p.idx = 0 AND k = 0 THEN '${DEMO.council}' ELSE 'hoidong' || p.code || '.' || k || '@ocop.scale' END) AS email,
           ${personName("p.idx * 100 + k", 41, `${pick("p.idx * 100 + k", 44, 3)} = 0`)} AS name
      FROM scale_province p, generate_series(0, ${COUNCIL_SIZE - 1}) k`);
  n += (await db.query(`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
    SELECT id, email, name, $1, 'COUNCIL_MEMBER', now() FROM scale_council`, [passwordHash])).rowCount ?? 0;
  return n;
}
