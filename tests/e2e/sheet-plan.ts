// Which option to tick on each item of a real sheet to reach a chosen total while meeting every
// minimum of a chosen star: how the journey scores like a council member would, on the real data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { starMinimums } from "@/lib/domain/scoring/star-rank";
import type { Star } from "@/lib/domain/rule-sets";

export function loadSheet(setNo: number): CriteriaSheetData {
  const file = path.resolve(import.meta.dirname, `../../prisma/data/ocop-criteria/qd26-2026/set-${String(setNo).padStart(2, "0")}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as CriteriaSheetData;
}

/** Item code → option index (or "met" for an option-less item), and the total it adds up to. */
export function planAnswers(sheet: CriteriaSheetData, target: number, keepStar: Star): { picks: Map<string, number | "met">; total: number } {
  const required = new Map(starMinimums(sheet, keepStar).map((m) => [m.itemCode, m.requiredPoints]));
  const picks = new Map<string, number | "met">();
  let total = 0;
  const lowerable: { code: string; options: { i: number; points: number }[] }[] = [];
  for (const { item } of listScoredItems(sheet)) {
    if (item.options.length === 0) {
      picks.set(item.code, "met");
      total += item.maxPoints;
      continue;
    }
    // Cases (set 26) are avoided by the journey's set; take the first case when present.
    const firstCase = item.options[0]!.case;
    const options = item.options.map((o, i) => ({ i, points: o.points, case: o.case })).filter((o) => o.case === firstCase);
    const best = options.reduce((a, b) => (b.points > a.points ? b : a));
    picks.set(item.code, best.i);
    total += best.points;
    const floor = required.get(item.code) ?? 0;
    lowerable.push({ code: item.code, options: options.filter((o) => o.points >= floor).sort((a, b) => a.points - b.points) });
  }
  // Lower items one step at a time, largest drops last, until the total is at most the target.
  for (const { code, options } of lowerable) {
    for (const o of options) {
      const current = options.find((x) => x.i === picks.get(code))!;
      if (total <= target) break;
      if (o.points >= current.points) continue;
      const drop = current.points - o.points;
      if (total - drop < target - 3) continue;
      picks.set(code, o.i);
      total -= drop;
    }
  }
  return { picks, total };
}
