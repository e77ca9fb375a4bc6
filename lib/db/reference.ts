import "server-only";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { prisma } from "./client";

// Reference data is the regulation itself (QĐ26 annexes) and the map of wards: public to
// everyone, signed in or not, so these reads take no actor.

export async function listClassification() {
  return prisma.productCategory.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      name: true,
      groups: {
        orderBy: { no: "asc" },
        select: {
          no: true,
          name: true,
          criteriaSetNo: true,
          subGroups: { orderBy: { code: "asc" }, select: { code: true, name: true, criteriaSetNo: true } },
        },
      },
    },
  });
}

/** The newest version of a set's sheet under a rule set. */
export async function findCriteriaSheet(criteriaSetNo: number, ruleSetCode = "QD26_2026") {
  const row = await prisma.criteriaSheet.findFirst({
    where: { criteriaSetNo, ruleSetCode },
    orderBy: { version: "desc" },
    select: { id: true, version: true, title: true, totalPoints: true, itemCount: true, data: true, criteriaSet: { select: { no: true, name: true } } },
  });
  return row ? { ...row, data: row.data as unknown as CriteriaSheetData } : null;
}

export async function listCriteriaSheetSummaries(ruleSetCode = "QD26_2026") {
  return prisma.criteriaSheet.findMany({
    where: { ruleSetCode },
    orderBy: [{ criteriaSetNo: "asc" }, { version: "desc" }],
    distinct: ["criteriaSetNo"],
    select: { criteriaSetNo: true, title: true, itemCount: true, version: true },
  });
}

export async function listWards() {
  return prisma.adminUnit.findMany({
    where: { kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, validTo: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, kind: true },
  });
}
