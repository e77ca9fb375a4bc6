import "server-only";
import { listClassification } from "./reference";

/** The 26 criteria sets as select options grouped by category (Annex I order). */
export async function criteriaSetOptions() {
  const categories = await listClassification();
  return categories.flatMap((c) =>
    c.groups.flatMap((g) =>
      g.subGroups.length === 0
        ? g.criteriaSetNo === null
          ? []
          : [{ value: String(g.criteriaSetNo), label: `${g.criteriaSetNo}. ${g.name}`, group: `${c.code}. ${c.name}` }]
        : g.subGroups.map((s) => ({ value: String(s.criteriaSetNo), label: `${s.criteriaSetNo}. ${g.name} — ${s.name}`, group: `${c.code}. ${c.name}` })),
    ),
  );
}
