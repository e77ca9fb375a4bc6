// Stage 4: the open pipeline, about 14 dossiers for every 100 products: drafts, dossiers at the
// wards (some overdue), returned, forwarded to the Economic Office, under scoring in each
// province's current round (sheets partly filled), scored and waiting, not recognised.
import { CURRENT_ROUND } from "./catalogue";
import { SCORING_SEATS } from "./people";
import { VARIANTS } from "./scoring";
import { pick, type Db } from "./sql";

export async function seedPipeline(db: Db, products: number, producers: number) {
  const count = Math.round(products * 0.14);
  await db.query(`
    CREATE TEMP TABLE scale_open AS
    SELECT n AS g, 'sdp' || n AS id, pr.id AS "producerId", pr.prov, pr."wardId", ss."set",
           st.stems[1 + ${pick("n", 63, "array_length(st.stems, 1)")}] || ' ' || w.place AS name,
           (CASE WHEN k < 15 THEN 'DRAFT' WHEN k < 37 THEN 'SUBMITTED' WHEN k < 40 THEN 'RETURNED' WHEN k < 62 THEN 'FORWARDED'
                 WHEN k < 90 THEN 'COUNCIL_SCORING' WHEN k < 95 THEN 'COUNCIL_DONE' ELSE 'NOT_RECOGNISED' END) AS status,
           ${pick("n", 64, 40)} AS age, ${pick("n", 65, SCORING_SEATS + 1)} AS filled,
           (CASE WHEN ${pick("n", 66, 100)} < 8 THEN 5 WHEN ${pick("n", 66, 100)} < 45 THEN 4 ELSE 3 END) AS star
      FROM generate_series(1, $1::int) n
      JOIN scale_producer pr ON pr.g = 1 + ${pick("n", 61, producers)}
      JOIN scale_set_slot ss ON ss.i = ${pick("n", 62, "(SELECT count(*) FROM scale_set_slot)")}
      JOIN scale_stem st ON st."set" = ss."set"
      JOIN scale_ward w ON w.idx = pr.ward,
      LATERAL (SELECT ${pick("n", 60, 100)} AS k) h`, [count]);
  const { rowCount } = await db.query(`
    INSERT INTO "Dossier" (id, "producerId", "cycleYear", status, "evaluationType", "productName", "criteriaSetNo", "ruleSetCode", "sheetId",
                           "sampleCount", "productCode", version, "submittedAt", "wardDueOn", "missingItems", "forwardedAt", "roundId", "decidedAt",
                           "createdAt", "updatedAt")
    SELECT o.id, o."producerId", 2026, o.status::"DossierStatus", 'FIRST', o.name, o."set",
           (CASE WHEN o.status <> 'DRAFT' THEN 'QD26_2026' END), (CASE WHEN o.status <> 'DRAFT' THEN sh.id END),
           (CASE WHEN o.status <> 'DRAFT' THEN 3 END),
           (CASE WHEN o.status IN ('FORWARDED', 'COUNCIL_SCORING', 'COUNCIL_DONE', 'NOT_RECOGNISED') THEN rd.code || '-' || u.code || '-' || (5000 + o.g) || '-2026' END),
           (CASE WHEN o.status = 'DRAFT' THEN 0 ELSE 1 END),
           (CASE WHEN o.status <> 'DRAFT' THEN now() - make_interval(days => o.age + (CASE WHEN o.status IN ('SUBMITTED', 'RETURNED') THEN 0 ELSE 45 END)) END),
           -- 15 working days at the ward (about three weeks): those submitted earlier are overdue.
           (CASE WHEN o.status = 'SUBMITTED' THEN (now() - make_interval(days => o.age))::date + 21 END),
           (CASE WHEN o.status = 'RETURNED' THEN ARRAY['Giấy chứng nhận an toàn thực phẩm', 'Phiếu kết quả kiểm nghiệm'] ELSE ARRAY[]::text[] END),
           (CASE WHEN o.status IN ('FORWARDED', 'COUNCIL_SCORING', 'COUNCIL_DONE', 'NOT_RECOGNISED') THEN now() - make_interval(days => o.age + 10) END),
           (CASE WHEN o.status IN ('COUNCIL_SCORING', 'COUNCIL_DONE') THEN rd.id WHEN o.status = 'NOT_RECOGNISED' THEN rp.id END),
           (CASE WHEN o.status = 'NOT_RECOGNISED' THEN rp."signedOn"::timestamp END),
           now() - make_interval(days => o.age + 60), now() - make_interval(days => o.age)
      FROM scale_open o
      JOIN scale_sheet sh ON sh."set" = o."set"
      JOIN "AdminUnit" u ON u.id = o."wardId"
      JOIN scale_round rd ON rd.prov = o.prov AND rd.r = ${CURRENT_ROUND}
      JOIN scale_round rp ON rp.prov = o.prov AND rp.r = ${CURRENT_ROUND - 1}`);
  // Under scoring, the first `filled` seats have a sheet, the last of them still a draft; once
  // scored, every seat has submitted.
  const sheets = (await db.query(`
    INSERT INTO "ScoreSheet" (id, "dossierId", "userId", answers, status, total, "submittedAt", "createdAt", "updatedAt")
    SELECT 'ss' || o.id || '-' || m.k, o.id, m.id, v.answers,
           (CASE WHEN o.status = 'COUNCIL_SCORING' AND m.k = o.filled - 1 THEN 'DRAFT' ELSE 'SUBMITTED' END)::"ScoreSheetStatus",
           v.total,
           (CASE WHEN o.status = 'COUNCIL_SCORING' AND m.k = o.filled - 1 THEN NULL ELSE now() - make_interval(days => o.age % 10) END),
           now() - make_interval(days => o.age % 10 + 2), now() - make_interval(days => o.age % 10)
      FROM scale_open o
      JOIN scale_council m ON m.prov = o.prov AND m.k < (CASE o.status WHEN 'COUNCIL_SCORING' THEN o.filled WHEN 'COUNCIL_DONE' THEN ${SCORING_SEATS} ELSE 0 END)
      JOIN scale_variant v ON v."set" = o."set" AND v.star = o.star AND v.k = (o.g + m.k) % ${VARIANTS}`)).rowCount ?? 0;
  return { dossiers: rowCount ?? 0, sheets };
}
