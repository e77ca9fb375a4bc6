// Query plans at scale for two signed-in pages: the Economic Office's queue of forwarded dossiers
// and a council member's scoring sheet. The exact statements lib/db sends (captured with their
// parameters) are EXPLAINed over 40,000 dossiers and 200,000 score sheets: the rows of a page
// must be found through indexes, never by reading every dossier or every sheet.
import { recordQueries, type Statement } from "./query-counter"; // first: lib/db must get the recording client
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { findDossier, listDossiers } from "@/lib/db/dossiers";
import { findOwnSheet, pinnedSheet, readCouncilSheets, scoringContext } from "@/lib/db/scoring";
import { answersWithTotal, sheetData } from "./council-fixtures";
import { buildRound, sheetFor } from "./dossier-fixtures";
import { extraUser } from "./helpers";
import { db, makeWorld } from "./world";

const DOSSIERS = 40_000;
const SCORED = 20_000; // the first 20,000 dossiers have a sheet from each of the ten members
const MEMBERS = 10;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function explain(s: Statement): Promise<PlanNode[]> {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${s.query}`, ...s.params);
  return nodes(rows[0]!["QUERY PLAN"][0].Plan);
}

// The tables filled at scale here; the few rows of the others are rightly read whole.
const BIG = ["Dossier", "ScoreSheet"];
const seqScansOfBigTables = (plan: PlanNode[]) => plan.filter((n) => n["Node Type"] === "Seq Scan" && BIG.includes(n["Relation Name"] ?? ""));
const indexesUsed = (plan: PlanNode[]) => plan.map((n) => n["Index Name"]).filter((n): n is string => !!n);

let w: Awaited<ReturnType<typeof makeWorld>>;
let chair: Actor;
let scoredDossierId: string;

beforeAll(async () => {
  w = await makeWorld();
  const members: Actor[] = [];
  for (let i = 0; i < MEMBERS; i++) members.push(await extraUser(w.tag, `Thành viên ${i}`, "COUNCIL_MEMBER"));
  chair = members[0]!;
  const round = await buildRound({ members: members.map((actor, i) => ({ actor, role: i === 0 ? "CHAIR" : "MEMBER" })) });
  const sheet = await sheetFor(7);
  const answers = JSON.stringify(answersWithTotal(await sheetData(7), 80));
  // A national pipeline: most dossiers long recognised, 3 % forwarded to the office, 5 % under
  // scoring in the round, the rest at the wards or in draft. All straight in SQL.
  await db.$executeRaw`
    INSERT INTO "Dossier" (id, "producerId", "cycleYear", status, "productName", "criteriaSetNo", "ruleSetCode", "sheetId", version,
                           "submittedAt", "wardDueOn", "forwardedAt", "roundId", "updatedAt")
    SELECT 'xpl-' || g, ${w.producerA.id}, 2026, s.status::"DossierStatus", 'Sản phẩm ' || g, 7, 'QD26_2026', ${sheet.id}, 1,
           now() - make_interval(days => g % 300),
           (CASE WHEN s.status = 'SUBMITTED' THEN current_date + g % 30 - 10 END),
           (CASE WHEN s.status IN ('FORWARDED', 'COUNCIL_SCORING', 'RECOGNISED') THEN now() - make_interval(days => g % 200) END),
           (CASE WHEN s.status = 'COUNCIL_SCORING' OR g <= ${SCORED} THEN ${round.id} END),
           now() - make_interval(days => g % 100)
      FROM generate_series(1, ${DOSSIERS}::int) g,
           LATERAL (SELECT CASE WHEN g <= ${SCORED} THEN (CASE WHEN g % 20 = 0 THEN 'COUNCIL_SCORING' ELSE 'RECOGNISED' END)
                                WHEN g % 100 < 3 THEN 'FORWARDED' WHEN g % 100 < 10 THEN 'SUBMITTED' WHEN g % 100 < 15 THEN 'DRAFT'
                                ELSE 'RECOGNISED' END AS status) s`;
  await db.$executeRawUnsafe(
    `INSERT INTO "ScoreSheet" (id, "dossierId", "userId", answers, status, total, "submittedAt", "updatedAt")
     SELECT 'xpl-' || g || '-' || m.i, 'xpl-' || g, m.id, $1::jsonb, 'SUBMITTED', 80, now(), now()
       FROM generate_series(1, ${SCORED}) g, unnest($2::text[]) WITH ORDINALITY AS m(id, i)`,
    answers,
    members.map((m) => m.userId),
  );
  scoredDossierId = "xpl-20"; // under scoring (20 % 20 = 0), every member's sheet in
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Dossier"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "ScoreSheet"`);
}, 180_000);

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Dossier" WHERE id LIKE 'xpl-%'`; // sheets go with them (cascade)
});

describe("query plans with 40,000 dossiers and 200,000 score sheets", () => {
  it("the office's queue of forwarded dossiers finds its page and its count through an index", async () => {
    const { result, queries } = await recordQueries(() => listDossiers(w.economicOffice, { status: "FORWARDED" }));
    expect(result.total).toBeGreaterThanOrEqual(600);
    // The page and its total filter on the status; the per-status counts of the tabs (a GROUP BY
    // without the status filter) are checked apart below.
    const filtered = queries.filter((q) => /"Dossier"/.test(q.query) && !/GROUP BY/i.test(q.query) && q.params.includes("FORWARDED"));
    expect(filtered.length).toBeGreaterThanOrEqual(2);
    for (const q of filtered) {
      const plan = await explain(q);
      expect(seqScansOfBigTables(plan), q.query).toEqual([]);
      expect(indexesUsed(plan).some((i) => i.startsWith("Dossier_status_")), q.query).toBe(true);
    }
  });

  it("the scoring sheet's statements read the dossier and its sheets by index", async () => {
    const { result, queries } = await recordQueries(async () => {
      const dossier = (await findDossier(chair, scoredDossierId))!;
      const [sheet, context, own] = await Promise.all([pinnedSheet(dossier), scoringContext(dossier), findOwnSheet(chair, dossier)]);
      return { sheet, context, own, council: await readCouncilSheets(chair, dossier) };
    });
    expect(result.council.sheets).toHaveLength(MEMBERS);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      const plan = await explain(q);
      expect(seqScansOfBigTables(plan), q.query).toEqual([]);
    }
  });
});
