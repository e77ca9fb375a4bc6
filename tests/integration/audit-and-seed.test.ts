import { describe, expect, it } from "vitest";
import { seedReference } from "@/prisma/seed/reference";
import { db } from "./world";

describe("audit log", () => {
  it("is append-only in the database itself: UPDATE and DELETE are refused", async () => {
    const entry = await db.auditEntry.create({ data: { action: "test.append", entityType: "Test", entityId: "t1" } });
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.findUnique({ where: { id: entry.id } })).toMatchObject({ action: "test.append" });
  });
});

describe("reference seed", () => {
  it("loads the 26 sheets, 3 rule sets and the 10 administrative units, and is idempotent", async () => {
    await seedReference(db);
    const second = await seedReference(db);
    expect(second.sheets).toBe(0); // nothing changed, so no new sheet versions
    expect(await db.criteriaSheet.count({ where: { ruleSetCode: "QD26_2026" } })).toBe(26);
    expect(await db.criteriaSheet.count({ where: { version: { gt: 1 } } })).toBe(0);
    expect((await db.ruleSet.findMany({ orderBy: { effectiveFrom: "asc" } })).map((r) => r.code)).toEqual(["QD148_2023", "QD148_1489_2025", "QD26_2026"]);
    expect(await db.criteriaSet.count()).toBe(26);
    expect(await db.productCategory.count()).toBe(6);
    expect(await db.productGroup.count()).toBe(17);
    const wards = await db.adminUnit.findMany({ where: { parent: { code: "058" } } });
    expect(wards).toHaveLength(8);
  });

  it("stores each sheet with its item count and 100 points", async () => {
    await seedReference(db);
    const set7 = await db.criteriaSheet.findFirstOrThrow({ where: { criteriaSetNo: 7 } });
    expect(set7.totalPoints).toBe(100);
    expect(set7.itemCount).toBeGreaterThan(20);
    const sum = await db.criteriaSheet.aggregate({ _sum: { itemCount: true } });
    expect(sum._sum.itemCount).toBe(787); // the count the criteria data README gives
  });
});
