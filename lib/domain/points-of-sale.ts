/**
 * Points of sale of OCOP products (điểm giới thiệu và bán sản phẩm OCOP): the kinds of location,
 * the application's workflow and the compliance check of the province's rules. Pure.
 */
import type { StateMachine } from "./workflow/machine";
import { transition } from "./workflow/machine";

/**
 * Kinds of location (mirror of the PointOfSaleLocation enum). QĐ950/QĐ-BCT (18/4/2023) lists the
 * places a point of sale may be: stations and airports; expressway and highway rest stops; malls,
 * supermarkets and markets; tourist sites, restaurants and hotels; craft villages; commercial
 * centres and industrial zones; fair and exhibition centres; post offices. OTHER is for what the
 * office recognises case by case.
 */
export const POINT_OF_SALE_LOCATIONS = [
  "STATION_AIRPORT",
  "HIGHWAY_STOP",
  "MALL_SUPERMARKET_MARKET",
  "TOURIST_SITE",
  "CRAFT_VILLAGE",
  "COMMERCIAL_CENTRE",
  "FAIR_CENTRE",
  "POST_OFFICE",
  "OTHER",
] as const;
export type PointOfSaleLocation = (typeof POINT_OF_SALE_LOCATIONS)[number];

export const POINT_OF_SALE_STATES = ["SUBMITTED", "APPROVED", "REFUSED", "CLOSED"] as const;
export type PointOfSaleState = (typeof POINT_OF_SALE_STATES)[number];
export type PointOfSaleAction = "approve" | "refuse" | "close";

/**
 * An operator applies (SUBMITTED); the Economic Office approves or refuses it (QĐ736-BK: the
 * state manager recognises and publishes the list); an approved point that stops meeting the
 * rules or stops trading is closed. A refused operator applies again with a new application.
 */
export const POINT_OF_SALE_MACHINE: StateMachine<PointOfSaleState, PointOfSaleAction> = {
  name: "pointOfSale",
  states: POINT_OF_SALE_STATES,
  initial: "SUBMITTED",
  terminal: ["REFUSED", "CLOSED"],
  editableByOwner: [],
  transitions: [
    { from: "SUBMITTED", action: "approve", to: "APPROVED" },
    { from: "SUBMITTED", action: "refuse", to: "REFUSED" },
    { from: "APPROVED", action: "close", to: "CLOSED" },
  ],
};

export function pointOfSaleTransition(from: PointOfSaleState, action: PointOfSaleAction): PointOfSaleState | null {
  return transition(POINT_OF_SALE_MACHINE, from, action);
}

/** A versioned set of compliance rules, so another province's can sit beside Bắc Kạn's. */
export type PointOfSaleRules = {
  readonly code: string;
  readonly legalBasis: string;
  /** Products that must be on the shelves, each recognised at `minStar` or more with both stamps. */
  readonly minQualifyingProducts: number;
  readonly minStar: number;
  readonly requireOcopStamp: boolean;
  readonly requireTraceStamp: boolean;
  /** OCOP and local products must be strictly more than this share of the items on display (numerator / denominator). */
  readonly ocopLocalShareAbove: { readonly numerator: number; readonly denominator: number };
};

/**
 * Bắc Kạn, QĐ736/QĐ-UBND of 26/5/2021 (regulation on OCOP points of sale, Art. 4–5): at least 30
 * OCOP products of Bắc Kạn rated 3★ or more, each with the OCOP stamp and a traceability stamp;
 * OCOP and local products more than 60 % of the items on display. Unconfirmed after the 2025
 * merger into Thái Nguyên (ocop-domain.md §7): a successor regulation gets its own rules object.
 */
export const POINT_OF_SALE_RULES_BK_736_2021: PointOfSaleRules = {
  code: "BK_736_2021",
  legalBasis: "QĐ736/QĐ-UBND ngày 26/5/2021 của UBND tỉnh Bắc Kạn",
  minQualifyingProducts: 30,
  minStar: 3,
  requireOcopStamp: true,
  requireTraceStamp: true,
  ocopLocalShareAbove: { numerator: 60, denominator: 100 },
};

export const POINT_OF_SALE_RULE_SETS = { BK_736_2021: POINT_OF_SALE_RULES_BK_736_2021 } as const;

/** The rules the portal checks applications against today. */
export const CURRENT_POINT_OF_SALE_RULES = POINT_OF_SALE_RULES_BK_736_2021;

/** A product the point carries, with its catalogue state today and what the operator declared. */
export type CarriedProduct = {
  star: number | null;
  listed: boolean;
  hasOcopStamp: boolean;
  hasTraceStamp: boolean;
};

/** Why a carried product does not count (the first reason found, in this order). */
export type NotCountedReason = "notListed" | "belowStar" | "noOcopStamp" | "noTraceStamp";

export function notCountedReason(p: CarriedProduct, rules: PointOfSaleRules = CURRENT_POINT_OF_SALE_RULES): NotCountedReason | null {
  if (!p.listed) return "notListed";
  if (p.star === null || p.star < rules.minStar) return "belowStar";
  if (rules.requireOcopStamp && !p.hasOcopStamp) return "noOcopStamp";
  if (rules.requireTraceStamp && !p.hasTraceStamp) return "noTraceStamp";
  return null;
}

export type ComplianceCounts = { qualifyingProducts: number; totalItemCount: number; ocopLocalItemCount: number };

export type Compliance = {
  rulesCode: string;
  qualifyingProducts: number;
  requiredProducts: number;
  productsMet: boolean;
  /** OCOP and local items as a share of all items (0–1), null with nothing on display. */
  share: number | null;
  /** The share to exceed, as a fraction (0.6). */
  shareAbove: number;
  shareMet: boolean;
  compliant: boolean;
};

/** The check from counts (the lists count qualifying products in SQL with the same rules). */
export function assessCounts(c: ComplianceCounts, rules: PointOfSaleRules = CURRENT_POINT_OF_SALE_RULES): Compliance {
  const { numerator, denominator } = rules.ocopLocalShareAbove;
  const productsMet = c.qualifyingProducts >= rules.minQualifyingProducts;
  // Whole numbers, so 60 % of an odd count is compared exactly: ocopLocal / total > n / d.
  const shareMet = c.totalItemCount > 0 && c.ocopLocalItemCount * denominator > c.totalItemCount * numerator;
  return {
    rulesCode: rules.code,
    qualifyingProducts: c.qualifyingProducts,
    requiredProducts: rules.minQualifyingProducts,
    productsMet,
    share: c.totalItemCount > 0 ? c.ocopLocalItemCount / c.totalItemCount : null,
    shareAbove: numerator / denominator,
    shareMet,
    compliant: productsMet && shareMet,
  };
}

export type ComplianceDetail = Compliance & { notCounted: Record<NotCountedReason, number> };

/** The compliance check of a point of sale from the products it carries and its display counts. */
export function checkPointOfSaleCompliance(
  input: { products: readonly CarriedProduct[]; totalItemCount: number; ocopLocalItemCount: number },
  rules: PointOfSaleRules = CURRENT_POINT_OF_SALE_RULES,
): ComplianceDetail {
  const notCounted: Record<NotCountedReason, number> = { notListed: 0, belowStar: 0, noOcopStamp: 0, noTraceStamp: 0 };
  let qualifying = 0;
  for (const p of input.products) {
    const reason = notCountedReason(p, rules);
    if (reason) notCounted[reason] += 1;
    else qualifying += 1;
  }
  return { ...assessCounts({ qualifyingProducts: qualifying, totalItemCount: input.totalItemCount, ocopLocalItemCount: input.ocopLocalItemCount }, rules), notCounted };
}
