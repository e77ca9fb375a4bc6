// Stage 3: rounds and councils, recognition decisions, products and the dossiers and
// certificates behind them. Each province runs two rounds a year since 2023; the second round of
// 2026 is the one scoring now. Certificates come in every state: about 75 % active, 10 % expired
// (the first 2023 round), 5 % revoked, 3 % proposed for revocation and 7 % renewed or upgraded
// (an old RENEWED or SUPERSEDED certificate behind an active one).
import { COUNCIL_SIZE } from "./people";
import { STEMS } from "./names";
import { pick, type Db } from "./sql";
import { personName } from "./people";

export const CURRENT_ROUND = 7; // r = 0 … 7: 2023 round 1 … 2026 round 2

export async function seedRounds(db: Db) {
  await db.query(`
    CREATE TEMP TABLE scale_round AS
    SELECT p.idx AS prov, r, 'sr' || p.code || '-' || r AS id, 2023 + r / 2 AS year, r % 2 + 1 AS half,
           make_date(2023 + r / 2, CASE WHEN r % 2 = 0 THEN 6 ELSE 12 END, 20) AS "signedOn",
           'sdec' || p.code || '-' || r AS "decisionId", p.code, p.name AS province
      FROM scale_province p, generate_series(0, ${CURRENT_ROUND}) r`);
  await db.query(`ALTER TABLE scale_round ADD PRIMARY KEY (prov, r)`);
  // (cycleYear, no) is unique nationally, so each province numbers its rounds 2p+1 and 2p+2.
  const rounds = (await db.query(`
    INSERT INTO "EvaluationRound" (id, "cycleYear", no, title, level, "proposalsBy", "completeBy", status, "councilDecision", "updatedAt")
    SELECT id, year, prov * 2 + half, 'Đợt ' || half || ' năm ' || year || ' — ' || province, 'PROVINCE',
           make_date(year, CASE half WHEN 1 THEN 4 ELSE 10 END, 30), make_date(year, CASE half WHEN 1 THEN 6 ELSE 12 END, 30),
           (CASE WHEN r = ${CURRENT_ROUND} THEN 'SCORING' ELSE 'CLOSED' END)::"RoundStatus",
           'Quyết định thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP ' || lower(left(province, 1)) || substr(province, 2) || ' ' || year,
           now()
      FROM scale_round`)).rowCount ?? 0;
  const members = (await db.query(`
    INSERT INTO "CouncilMember" (id, "roundId", "userId", role, scores, title)
    SELECT 'scm' || r.id || '-' || c.k, r.id, c.id,
           (CASE c.k WHEN 0 THEN 'CHAIR' WHEN ${COUNCIL_SIZE - 1} THEN 'SECRETARY' ELSE 'MEMBER' END)::"CouncilRole",
           c.k <> ${COUNCIL_SIZE - 1},
           (ARRAY['Phó Chủ tịch UBND', 'Sở Nông nghiệp và Môi trường', 'Sở Công Thương', 'Sở Khoa học và Công nghệ', 'Sở Y tế',
                  'Sở Văn hóa, Thể thao và Du lịch', 'Chi cục Quản lý chất lượng', 'Liên minh Hợp tác xã', 'Hội Nông dân', 'Văn phòng Điều phối nông thôn mới'])[c.k + 1]
      FROM scale_round r JOIN scale_council c ON c.prov = r.prov`)).rowCount ?? 0;
  const decisions = (await db.query(`
    INSERT INTO "Decision" (id, kind, number, "signedOn", "signerName", "signerTitle", level, "roundId", note)
    SELECT "decisionId", 'RECOGNITION'::"DecisionKind", (1200 + r * 137 + prov) || '/QĐ-UBND-' || code, "signedOn",
           ${personName("prov * 10 + r", 51, "false")},
           'Chủ tịch Ủy ban nhân dân ' || lower(left(province, 1)) || substr(province, 2), 'PROVINCE'::"EvaluationLevel", id,
           'Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP đợt ' || half || ' năm ' || year
      FROM scale_round WHERE r < ${CURRENT_ROUND}
    UNION ALL
    SELECT 'srev' || code, 'REVOCATION'::"DecisionKind", (900 + idx) || '/QĐ-UBND-' || code, DATE '2026-10-15',
           ${personName("idx * 10 + 9", 51, "false")}, 'Chủ tịch Ủy ban nhân dân ' || lower(left(name, 1)) || substr(name, 2), 'PROVINCE', NULL,
           'Thu hồi Giấy chứng nhận sản phẩm OCOP'
      FROM scale_province`)).rowCount ?? 0;
  return { rounds, members, decisions };
}

/** The weighted criteria-set pick list (1,000 entries) and the product stems of each set. */
async function stemTables(db: Db) {
  const sets = Object.entries(STEMS).map(([no, s]) => ({ no: Number(no), ...s }));
  const total = sets.reduce((a, s) => a + s.weight, 0);
  const slots: number[] = [];
  for (const s of sets) for (let i = 0; i < Math.round((s.weight / total) * 1000); i++) slots.push(s.no);
  await db.query(`CREATE TEMP TABLE scale_set_slot AS SELECT (i - 1)::int AS i, s AS "set" FROM unnest($1::int[]) WITH ORDINALITY AS x(s, i)`, [slots]);
  await db.query(`ALTER TABLE scale_set_slot ADD PRIMARY KEY (i)`);
  await db.query(`CREATE TEMP TABLE scale_stem ("set" int PRIMARY KEY, stems text[])`);
  for (const s of sets) await db.query(`INSERT INTO scale_stem VALUES ($1, $2)`, [s.no, s.stems]);
  await db.query(`
    CREATE TEMP TABLE scale_sheet AS
    SELECT DISTINCT ON ("criteriaSetNo") "criteriaSetNo" AS "set", id FROM "CriteriaSheet"
     WHERE "ruleSetCode" = 'QD26_2026' ORDER BY "criteriaSetNo", version DESC`);
  return slots.length;
}

/** The rule set in force on a date (lib/domain/rule-sets.ts effectiveFrom). */
const ruleSetOn = (date: string) =>
  `(CASE WHEN ${date} < DATE '2025-07-06' THEN 'QD148_2023' WHEN ${date} < DATE '2026-05-22' THEN 'QD148_1489_2025' ELSE 'QD26_2026' END)`;

export async function seedProducts(db: Db, products: number, producers: number) {
  const slots = await stemTables(db);
  // One row per product with everything later stages derive from: its producer and province,
  // set, name, star and the round(s) that recognised it.
  await db.query(`
    CREATE TEMP TABLE scale_product AS
    SELECT n AS g, 'spd' || n AS id, pr.id AS "producerId", pr.prov, pr."wardId", ss."set",
           x.name, x.cls, x.star, x.r_cur, x.r_old,
           (CASE x.star WHEN 3 THEN 50 WHEN 4 THEN 70 ELSE 90 END) + ${pick("n", 36, 1900)} / 100.0 AS average
      FROM generate_series(1, $1::int) n
      JOIN scale_producer pr ON pr.g = 1 + ${pick("n", 31, producers)}
      JOIN scale_set_slot ss ON ss.i = ${pick("n", 30, slots)}
      JOIN scale_stem st ON st."set" = ss."set"
      JOIN scale_ward w ON w.idx = pr.ward,
      LATERAL (SELECT ${pick("n", 32, 100)} AS k, ${pick("n", 33, 1000)} AS u, ${pick("n", 34, 1000)} AS s) h,
      LATERAL (SELECT
        st.stems[1 + ${pick("n", 35, "array_length(st.stems, 1)")}] || ' ' || w.place AS name,
        (CASE WHEN h.k < 10 THEN 'EXPIRED' WHEN h.k < 14 THEN 'RENEWED' WHEN h.k < 17 THEN 'UPGRADED'
              WHEN h.k < 22 THEN 'REVOKED' WHEN h.k < 25 THEN 'PROPOSED' ELSE 'ACTIVE' END) AS cls,
        -- Few 5★ (about 0.6 %), a third 4★; an upgrade went up one star.
        (CASE WHEN h.s < 6 THEN 5 WHEN h.s < 330 OR (h.k >= 14 AND h.k < 17) THEN 4 ELSE 3 END) AS star,
        (CASE WHEN h.k < 10 THEN 0 WHEN h.k < 14 THEN 6 WHEN h.k < 17 THEN 4 + h.u % 2
              -- the programme grows: later rounds recognise more
              ELSE 1 + least(5, floor(6 * sqrt(h.u / 1000.0))::int) END) AS r_cur,
        (CASE WHEN h.k >= 10 AND h.k < 14 THEN 0 WHEN h.k >= 14 AND h.k < 17 THEN 1 + h.u % 2 END) AS r_old) x`, [products]);
  await db.query(`ALTER TABLE scale_product ADD PRIMARY KEY (g)`);
  const n = (await db.query(`
    INSERT INTO "Product" (id, slug, "producerId", name, "criteriaSetNo", "searchText", summary, "priceFromVnd", "qualitySystems", "updatedAt")
    SELECT p.id, replace(ocop_fold(p.name), ' ', '-') || '-' || p.g, p."producerId", p.name, p."set",
           ocop_fold(p.name || ' ' || pr.name || ' ' || u.name),
           p.name || ' — sản phẩm OCOP của ' || pr.name || '.',
           (20 + ${pick("p.g", 37, 480)}) * 1000,
           (CASE ${pick("p.g", 38, 4)} WHEN 0 THEN ARRAY['VIETGAP']::"QualitySystem"[] WHEN 1 THEN ARRAY['TRACEABILITY']::"QualitySystem"[]
                 WHEN 2 THEN ARRAY['HACCP', 'TRACEABILITY']::"QualitySystem"[] ELSE ARRAY[]::"QualitySystem"[] END),
           now()
      FROM scale_product p JOIN "Producer" pr ON pr.id = p."producerId" JOIN "AdminUnit" u ON u.id = p."wardId"`)).rowCount ?? 0;
  return n;
}

export async function seedRecognised(db: Db) {
  // Every certificate (current and replaced) with its round, numbered per province and year.
  await db.query(`
    CREATE TEMP TABLE scale_cert AS
    SELECT c.*, row_number() OVER (PARTITION BY c.prov, rd.year ORDER BY c.g, c.old DESC) AS seq,
           rd.year, rd."signedOn", rd."decisionId", rd.id AS "roundId", rd.code AS "provCode"
      FROM (
        SELECT g, id AS "productId", "producerId", prov, "wardId", "set", name, average, false AS old, r_cur AS r, star,
               (CASE cls WHEN 'RENEWED' THEN 'ACTIVE' WHEN 'UPGRADED' THEN 'ACTIVE' WHEN 'PROPOSED' THEN 'REVOCATION_PROPOSED' ELSE cls END) AS status,
               'sc' || g AS id, 'sd' || g AS "dossierId",
               (CASE cls WHEN 'RENEWED' THEN 'RE_EVALUATION' WHEN 'UPGRADED' THEN 'UPGRADE' ELSE 'FIRST' END) AS "evaluationType",
               (CASE WHEN r_old IS NOT NULL THEN 'sco' || g END) AS "previousId", NULL AS "replacedById"
          FROM scale_product
        UNION ALL
        SELECT g, id, "producerId", prov, "wardId", "set", name, average - 5, true, r_old,
               (CASE cls WHEN 'UPGRADED' THEN star - 1 ELSE star END),
               (CASE cls WHEN 'UPGRADED' THEN 'SUPERSEDED' ELSE 'RENEWED' END),
               'sco' || g, 'sdo' || g, 'FIRST', NULL, 'sc' || g
          FROM scale_product WHERE r_old IS NOT NULL
      ) c JOIN scale_round rd ON rd.prov = c.prov AND rd.r = c.r`);
  await db.query(`CREATE INDEX ON scale_cert (old)`);
  // Replaced certificates and their dossiers first: the current dossier names its predecessor.
  let dossiers = 0;
  let certificates = 0;
  for (const old of [true, false]) {
    dossiers += (await db.query(`
      INSERT INTO "Dossier" (id, "producerId", "previousCertificateId", "cycleYear", status, "evaluationType", "productName", "criteriaSetNo",
                             "ruleSetCode", "sheetId", "sampleCount", "productCode", version, "submittedAt", "forwardedAt", "roundId", "decidedAt",
                             "createdAt", "updatedAt")
      SELECT c."dossierId", c."producerId", c."previousId", c.year, 'RECOGNISED', c."evaluationType"::"EvaluationType", c.name, c."set",
             ${ruleSetOn(`c."signedOn"`)},
             -- Only the QĐ26 sheets are loaded as data, so every dossier points at its set's QĐ26 sheet (its score sheets render).
             sh.id, 3, c."provCode" || '-' || u.code || '-' || lpad(c.seq::text, greatest(3, length(c.seq::text)), '0') || '-' || c.year,
             1, c."signedOn" - 120, c."signedOn" - 90, c."roundId", c."signedOn", c."signedOn" - 150, c."signedOn"
        FROM scale_cert c JOIN scale_sheet sh ON sh."set" = c."set" JOIN "AdminUnit" u ON u.id = c."wardId"
       WHERE c.old = $1`, [old])).rowCount ?? 0;
    // The trigger on Certificate fills each product's copy (star, state, dates) as the app's own
    // writes do; a replaced certificate never becomes current.
    certificates += (await db.query(`
      INSERT INTO "Certificate" (id, number, "verifyCode", "dossierId", "producerId", "productName", "criteriaSetNo", star, level, "ruleSetCode",
                                 "averageTotal", "issuedOn", "expiresOn", "decisionId", status, "revocationGround", "revocationDecisionId",
                                 "revokedOn", "revocationNote", "replacedById", "productId", "updatedAt")
      SELECT c.id, lpad(c.seq::text, greatest(3, length(c.seq::text)), '0') || '/' || c.year || '/OCOP-' || c."provCode",
             rtrim(translate(encode(decode(md5(c.id || random()::text), 'hex') || decode(md5(random()::text), 'hex'), 'base64'), '+/', '-_'), '='),
             c."dossierId", c."producerId", c.name, c."set", c.star, 'PROVINCE', ${ruleSetOn(`c."signedOn"`)},
             round(c.average::numeric, 2), c."signedOn", (c."signedOn" + interval '36 months')::date, c."decisionId",
             c.status::"CertificateStatus",
             (CASE WHEN c.status = 'REVOKED' THEN (ARRAY['B', 'C', 'C', 'D', 'E', 'A'])[1 + c.g % 6]::"RevocationGround" END),
             (CASE WHEN c.status = 'REVOKED' THEN 'srev' || c."provCode" END),
             (CASE WHEN c.status = 'REVOKED' THEN DATE '2026-10-15' END),
             (CASE WHEN c.status = 'REVOKED' THEN 'Kết luận kiểm tra: sản phẩm không còn đáp ứng tiêu chí' WHEN c.status = 'REVOCATION_PROPOSED' THEN 'Đề nghị thu hồi sau kiểm tra định kỳ' ELSE '' END),
             c."replacedById", c."productId", now()
        FROM scale_cert c WHERE c.old = $1`, [old])).rowCount ?? 0;
  }
  return { dossiers, certificates };
}
