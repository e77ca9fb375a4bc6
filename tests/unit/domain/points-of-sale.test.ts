import { describe, expect, it } from "vitest";
import {
  assessCounts,
  checkPointOfSaleCompliance,
  CURRENT_POINT_OF_SALE_RULES,
  notCountedReason,
  POINT_OF_SALE_MACHINE,
  POINT_OF_SALE_RULES_BK_736_2021,
  pointOfSaleTransition,
  type CarriedProduct,
  type PointOfSaleRules,
} from "@/lib/domain/points-of-sale";
import { checkMachine } from "@/lib/domain/workflow/machine";

const good: CarriedProduct = { star: 3, listed: true, hasOcopStamp: true, hasTraceStamp: true };
const many = (n: number, p: CarriedProduct = good) => Array.from({ length: n }, () => ({ ...p }));
// Enough items on display that only the product count decides.
const shelves = { totalItemCount: 100, ocopLocalItemCount: 80 };

describe("QĐ736-BK rules object", () => {
  it("holds the Bắc Kạn 2021 figures and is the rule set in force", () => {
    expect(POINT_OF_SALE_RULES_BK_736_2021).toMatchObject({ code: "BK_736_2021", minQualifyingProducts: 30, minStar: 3, requireOcopStamp: true, requireTraceStamp: true, ocopLocalShareAbove: { numerator: 60, denominator: 100 } });
    expect(CURRENT_POINT_OF_SALE_RULES).toBe(POINT_OF_SALE_RULES_BK_736_2021);
  });
});

describe("at least 30 OCOP products of 3★ or more with both stamps", () => {
  it.each([
    [29, false],
    [30, true],
    [31, true],
    [0, false],
  ])("%i qualifying products → met %s", (n, met) => {
    const c = checkPointOfSaleCompliance({ products: many(n), ...shelves });
    expect(c.qualifyingProducts).toBe(n);
    expect(c.productsMet).toBe(met);
    expect(c.compliant).toBe(met);
  });

  it("does not count a 2★ product (29 good + one 2★ is not enough; a 4★ or 5★ counts)", () => {
    const c = checkPointOfSaleCompliance({ products: [...many(29), { ...good, star: 2 }], ...shelves });
    expect(c.qualifyingProducts).toBe(29);
    expect(c.productsMet).toBe(false);
    expect(c.notCounted.belowStar).toBe(1);
    expect(checkPointOfSaleCompliance({ products: [...many(28), { ...good, star: 4 }, { ...good, star: 5 }], ...shelves }).productsMet).toBe(true);
  });

  it("does not count a product without a star", () => {
    expect(notCountedReason({ ...good, star: null })).toBe("belowStar");
  });

  it.each([
    ["the OCOP stamp", { hasOcopStamp: false }, "noOcopStamp"],
    ["the traceability stamp", { hasTraceStamp: false }, "noTraceStamp"],
    ["both stamps", { hasOcopStamp: false, hasTraceStamp: false }, "noOcopStamp"],
  ] as const)("does not count a product missing %s", (_label, change, reason) => {
    const c = checkPointOfSaleCompliance({ products: [...many(29), { ...good, ...change }], ...shelves });
    expect(c.qualifyingProducts).toBe(29);
    expect(c.productsMet).toBe(false);
    expect(c.notCounted[reason]).toBe(1);
  });

  it("does not count a product that is no longer listed (revoked or expired), whatever its star", () => {
    const c = checkPointOfSaleCompliance({ products: [...many(29), { ...good, star: 5, listed: false }], ...shelves });
    expect(c.qualifyingProducts).toBe(29);
    expect(c.notCounted.notListed).toBe(1);
    expect(notCountedReason({ ...good, listed: false })).toBe("notListed");
    expect(notCountedReason(good)).toBeNull();
  });
});

describe("OCOP and local products above 60 % of the items on display", () => {
  const check = (total: number, ocopLocal: number) => checkPointOfSaleCompliance({ products: many(30), totalItemCount: total, ocopLocalItemCount: ocopLocal });

  it.each([
    [100, 60, false], // exactly 60 %: not above
    [10_000, 6_000, false],
    [10_000, 6_001, true], // 60.01 %
    [100, 61, true],
    [5, 3, false], // 60 % of an odd count, compared without rounding
    [3, 2, true], // 66.7 %
    [7, 4, false], // 57.1 %
    [100, 100, true],
    [100, 0, false],
  ])("%i items, %i OCOP or local → met %s", (total, ocopLocal, met) => {
    const c = check(total, ocopLocal);
    expect(c.shareMet).toBe(met);
    expect(c.compliant).toBe(met);
    expect(c.share).toBeCloseTo(ocopLocal / total, 10);
  });

  it("with nothing on display the share is unknown and not met", () => {
    const c = check(0, 0);
    expect(c.share).toBeNull();
    expect(c.shareMet).toBe(false);
    expect(c.compliant).toBe(false);
  });

  it("needs both criteria", () => {
    expect(checkPointOfSaleCompliance({ products: many(29), totalItemCount: 100, ocopLocalItemCount: 90 }).compliant).toBe(false);
    expect(checkPointOfSaleCompliance({ products: many(40), totalItemCount: 100, ocopLocalItemCount: 60 }).compliant).toBe(false);
    expect(checkPointOfSaleCompliance({ products: many(30), totalItemCount: 100, ocopLocalItemCount: 61 }).compliant).toBe(true);
  });
});

describe("counts from SQL give the same verdict", () => {
  it.each([
    [29, 100, 61],
    [30, 100, 61],
    [30, 100, 60],
    [30, 0, 0],
  ])("%i qualifying, %i items, %i OCOP or local", (qualifying, total, ocopLocal) => {
    const fromCounts = assessCounts({ qualifyingProducts: qualifying, totalItemCount: total, ocopLocalItemCount: ocopLocal });
    const { notCounted: _n, ...fromProducts } = checkPointOfSaleCompliance({ products: many(qualifying), totalItemCount: total, ocopLocalItemCount: ocopLocal });
    void _n;
    expect(fromCounts).toEqual(fromProducts);
  });
});

describe("another province's rules sit beside Bắc Kạn's", () => {
  const other: PointOfSaleRules = { code: "TEST", legalBasis: "test", minQualifyingProducts: 10, minStar: 4, requireOcopStamp: true, requireTraceStamp: false, ocopLocalShareAbove: { numerator: 1, denominator: 2 } };

  it("are applied as given", () => {
    const products = [...many(9, { ...good, star: 4, hasTraceStamp: false }), { ...good, star: 3 }];
    expect(checkPointOfSaleCompliance({ products, totalItemCount: 10, ocopLocalItemCount: 6 }, other)).toMatchObject({ rulesCode: "TEST", qualifyingProducts: 9, productsMet: false, shareMet: true });
    expect(checkPointOfSaleCompliance({ products: many(10, { ...good, star: 4, hasTraceStamp: false }), totalItemCount: 10, ocopLocalItemCount: 5 }, other)).toMatchObject({ productsMet: true, shareMet: false });
  });
});

describe("application workflow", () => {
  it("is a well-formed machine", () => {
    expect(checkMachine(POINT_OF_SALE_MACHINE)).toEqual([]);
  });

  it.each([
    ["SUBMITTED", "approve", "APPROVED"],
    ["SUBMITTED", "refuse", "REFUSED"],
    ["APPROVED", "close", "CLOSED"],
    ["APPROVED", "approve", null],
    ["SUBMITTED", "close", null],
    ["REFUSED", "approve", null],
    ["CLOSED", "approve", null],
    ["APPROVED", "refuse", null],
  ] as const)("%s --%s--> %s", (from, action, to) => {
    expect(pointOfSaleTransition(from, action)).toBe(to);
  });
});
