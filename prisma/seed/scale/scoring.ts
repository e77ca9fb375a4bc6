// Council score sheets. Answers are real Annex II answers for the dossier's sheet (so pages score
// them with lib/domain like any other), made once per set and star band in TypeScript and copied
// by the server onto every member's sheet: nine scoring seats per dossier, about a million rows
// for 100,000 products.
import { scoreSheet, type ItemAnswer, type SheetAnswers } from "../../../lib/domain/scoring";
import type { CriteriaSheetData } from "../../../lib/domain/criteria/types";
import { SCORING_SEATS } from "./people";
import type { Db } from "./sql";

export const VARIANTS = 4;

/** A small seeded generator (mulberry32): the same answers on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers of an assessor of quality q (0 … 1): the higher q, the better the options ticked. */
function answersOf(sheet: CriteriaSheetData, q: number, rnd: () => number): SheetAnswers {
  const items: Record<string, ItemAnswer> = {};
  for (const part of sheet.parts) {
    for (const heading of part.headings) {
      for (const item of heading.items) {
        if (item.options.length === 0) {
          items[item.code] = { met: rnd() < q };
          continue;
        }
        const caseCode = item.cases?.[Math.floor(rnd() * item.cases.length)]?.code;
        const choices = item.options
          .map((o, i) => ({ i, points: o.points, case: o.case }))
          .filter((o) => caseCode === undefined || o.case === caseCode)
          .sort((a, b) => a.points - b.points);
        const at = Math.min(choices.length - 1, Math.max(0, Math.round((q + (rnd() - 0.5) * 0.3) * (choices.length - 1))));
        const chosen = choices[at]!;
        items[item.code] = caseCode === undefined ? { option: chosen.i } : { option: chosen.i, case: caseCode };
      }
    }
  }
  return { items };
}

const bandOf = (total: number) => (total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : 0);

export async function seedAnswerVariants(db: Db) {
  const { rows } = await db.query<{ set: number; data: CriteriaSheetData }>(
    `SELECT s."set", c.data FROM scale_sheet s JOIN "CriteriaSheet" c ON c.id = s.id`,
  );
  await db.query(`CREATE TEMP TABLE scale_variant ("set" int, star int, k int, answers jsonb, total float8, PRIMARY KEY ("set", star, k))`);
  const values: unknown[][] = [];
  for (const { set, data } of rows) {
    const rnd = random(set * 1009);
    const found: Record<number, { answers: SheetAnswers; total: number }[]> = { 3: [], 4: [], 5: [] };
    for (let attempt = 0; attempt < 3000 && Object.values(found).some((f) => f.length < VARIANTS); attempt++) {
      const q = 0.35 + rnd() * 0.65;
      const answers = answersOf(data, q, rnd);
      const { total, knockOuts } = scoreSheet(data, answers);
      const band = bandOf(total);
      if (band && knockOuts.length === 0 && found[band]!.length < VARIANTS) found[band]!.push({ answers, total });
    }
    for (const star of [3, 4, 5]) {
      // A band no random sheet reached borrows the neighbouring band's answers (rare: 5★ of a hard sheet).
      const list = found[star]!.length ? found[star]! : found[star === 5 ? 4 : star + 1]!.length ? found[star === 5 ? 4 : star + 1]! : found[4]!;
      if (!list.length) throw new Error(`Không tạo được phiếu mẫu cho bộ ${set}`);
      for (let k = 0; k < VARIANTS; k++) {
        const v = list[k % list.length]!;
        values.push([set, star, k, JSON.stringify(v.answers), v.total]);
      }
    }
  }
  await db.query(
    `INSERT INTO scale_variant SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::jsonb[], $5::float8[])`,
    [0, 1, 2, 3, 4].map((i) => values.map((v) => v[i])),
  );
  return values.length;
}

/** Submitted sheets of every scoring seat for each recognised dossier (old and current). */
export async function seedRecognisedSheets(db: Db) {
  const { rowCount } = await db.query(`
    INSERT INTO "ScoreSheet" (id, "dossierId", "userId", answers, status, total, "submittedAt", "createdAt", "updatedAt")
    SELECT 'ss' || c."dossierId" || '-' || m.k, c."dossierId", m.id, v.answers, 'SUBMITTED', v.total,
           c."signedOn" - 30, c."signedOn" - 45, c."signedOn" - 30
      FROM scale_cert c
      JOIN scale_council m ON m.prov = c.prov AND m.k < ${SCORING_SEATS}
      JOIN scale_variant v ON v."set" = c."set" AND v.star = c.star AND v.k = (c.g + m.k) % ${VARIANTS}`);
  return rowCount ?? 0;
}
