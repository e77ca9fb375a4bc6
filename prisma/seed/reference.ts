// Reference data: administrative units, rule sets, the QĐ26 classification and its 26 scoring
// sheets. Idempotent: upserts by natural keys; a changed sheet becomes a new version.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { AdminUnitKind } from "../../lib/generated/prisma/enums";
import { RULE_SETS } from "../../lib/domain/rule-sets";
import { listScoredItems } from "../../lib/domain/criteria/sheet";
import type { ClassificationData, CriteriaSheetData } from "../../lib/domain/criteria/types";

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "../data/ocop-criteria");
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(DATA_DIR, rel), "utf8")) as T;
const hashOf = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// Bắc Kạn province, Bắc Kạn city and its 8 wards/communes with GSO codes (ocop-domain.md §10.1).
export const ADMIN_UNITS: { code: string; name: string; kind: AdminUnitKind; parent: string | null }[] = [
  { code: "06", name: "Tỉnh Bắc Kạn", kind: "PROVINCE", parent: null },
  { code: "058", name: "Thành phố Bắc Kạn", kind: "CITY", parent: "06" },
  { code: "01834", name: "Phường Nguyễn Thị Minh Khai", kind: "WARD", parent: "058" },
  { code: "01837", name: "Phường Sông Cầu", kind: "WARD", parent: "058" },
  { code: "01840", name: "Phường Đức Xuân", kind: "WARD", parent: "058" },
  { code: "01843", name: "Phường Phùng Chí Kiên", kind: "WARD", parent: "058" },
  { code: "01846", name: "Phường Huyền Tụng", kind: "WARD", parent: "058" },
  { code: "01849", name: "Xã Dương Quang", kind: "COMMUNE", parent: "058" },
  { code: "01852", name: "Xã Nông Thượng", kind: "COMMUNE", parent: "058" },
  { code: "01855", name: "Phường Xuất Hóa", kind: "WARD", parent: "058" },
];

export async function seedAdminUnits(db: PrismaClient) {
  const ids = new Map<string, string>();
  for (const u of ADMIN_UNITS) {
    const parentId = u.parent ? ids.get(u.parent)! : null;
    const row = await db.adminUnit.upsert({
      where: { code: u.code },
      create: { code: u.code, name: u.name, kind: u.kind, parentId },
      update: { name: u.name, kind: u.kind, parentId },
      select: { id: true },
    });
    ids.set(u.code, row.id);
  }
  return ids;
}

export async function seedRuleSets(db: PrismaClient) {
  for (const rs of RULE_SETS) {
    const data = {
      name: rs.name,
      legalBasis: rs.legalBasis.join("; "),
      effectiveFrom: asDate(rs.effectiveFrom)!,
      effectiveTo: asDate(rs.effectiveTo),
      definition: JSON.parse(JSON.stringify(rs)),
      contentHash: hashOf(rs),
    };
    // The rules themselves live in lib/domain/rule-sets.ts (code, reviewed and tested); this row
    // mirrors them for reports, so a correction there is copied here.
    await db.ruleSet.upsert({ where: { code: rs.code }, create: { code: rs.code, ...data }, update: data });
  }
}

export async function seedClassificationAndSheets(db: PrismaClient) {
  const classification = readJson<ClassificationData>("classification.json");
  for (const s of classification.criteriaSets) {
    const data = { name: s.name, annexIName: s.annexIName, managingAgencies: [...s.managingAgencies] };
    await db.criteriaSet.upsert({ where: { no: s.setNo }, create: { no: s.setNo, ...data }, update: data });
  }
  for (const [i, cat] of classification.categories.entries()) {
    await db.productCategory.upsert({
      where: { code: cat.code },
      create: { code: cat.code, name: cat.name, sortOrder: i },
      update: { name: cat.name, sortOrder: i },
    });
    for (const g of cat.groups) {
      const gData = { name: g.name, managingAgencies: [...g.managingAgencies], criteriaSetNo: g.criteriaSetNo };
      const group = await db.productGroup.upsert({
        where: { categoryCode_no: { categoryCode: cat.code, no: g.no } },
        create: { categoryCode: cat.code, no: g.no, ...gData },
        update: gData,
        select: { id: true },
      });
      for (const sg of g.subGroups) {
        const sData = { name: sg.name, managingAgencies: [...sg.managingAgencies], criteriaSetNo: sg.criteriaSetNo };
        await db.productSubGroup.upsert({
          where: { groupId_code: { groupId: group.id, code: sg.code } },
          create: { groupId: group.id, code: sg.code, ...sData },
          update: sData,
        });
      }
    }
  }
  let loaded = 0;
  for (const s of classification.criteriaSets) {
    const sheet = readJson<CriteriaSheetData>(s.file);
    const contentHash = hashOf(sheet);
    const versions = await db.criteriaSheet.findMany({
      where: { ruleSetCode: sheet.ruleSet, criteriaSetNo: sheet.setNo },
      orderBy: { version: "desc" },
      select: { version: true, contentHash: true },
    });
    // Content seen before (the newest, or an older version a correction was reverted to) is kept
    // as it is: versions are history, and a hash appears once per set.
    if (versions.some((v) => v.contentHash === contentHash)) continue;
    const existing = versions[0];
    await db.criteriaSheet.create({
      data: {
        ruleSetCode: sheet.ruleSet,
        criteriaSetNo: sheet.setNo,
        version: (existing?.version ?? 0) + 1,
        contentHash,
        title: sheet.sheetTitle,
        totalPoints: sheet.totalPoints,
        itemCount: listScoredItems(sheet).length,
        data: JSON.parse(JSON.stringify(sheet)),
      },
    });
    loaded++;
  }
  return loaded;
}

export async function seedReference(db: PrismaClient) {
  const wards = await seedAdminUnits(db);
  await seedRuleSets(db);
  const sheets = await seedClassificationAndSheets(db);
  return { wards, sheets };
}
