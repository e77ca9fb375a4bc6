import type { Role } from "@/lib/generated/prisma/enums";

// What each role sees in the portal. `ready: false` marks areas later releases fill; they are
// listed (so users know what is coming) but not linked, so no one lands on an empty page.
export type NavItem = { key: string; href: string; ready: boolean };

const item = (key: string, href: string, ready = false): NavItem => ({ key, href, ready });

export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  ECONOMIC_OFFICE: [
    item("home", "/home", true),
    item("producers", "/producers", true),
    item("ideas", "/ideas", true),
    item("plans", "/plans", true),
    item("dossiers", "/dossiers", true),
    item("rounds", "/rounds", true),
    item("results", "/results", true),
    item("certificates", "/certificates", true),
    item("inspections", "/inspections", true),
    item("promotion", "/manage", true),
    item("training", "/manage/training", true),
    item("dashboard", "/dashboard", true),
    item("annualPlans", "/annual-plans", true),
    item("criteria", "/criteria", true),
  ],
  WARD_OFFICER: [
    item("home", "/home", true),
    item("producers", "/producers", true),
    item("ideas", "/ideas", true),
    item("plans", "/plans", true),
    item("dossiers", "/dossiers", true),
    item("certificates", "/certificates", true),
    item("catalogueProducts", "/manage/products", true),
    item("rawMaterialAreas", "/manage/raw-material-areas", true),
    item("pointsOfSale", "/manage/points-of-sale", true),
    item("training", "/manage/training", true),
    item("inspections", "/inspections", true),
    item("dashboard", "/dashboard", true),
    item("annualPlans", "/annual-plans", true),
    item("criteria", "/criteria", true),
  ],
  PRODUCER: [
    item("home", "/home", true),
    item("myProducer", "/producers/me", true),
    item("ideas", "/ideas", true),
    item("plans", "/plans", true),
    item("dossiers", "/dossiers", true),
    item("certificates", "/certificates", true),
    item("myProducts", "/manage/products", true),
    item("inspections", "/inspections", true),
    item("events", "/manage/events", true),
    item("training", "/manage/training", true),
    item("criteria", "/criteria", true),
  ],
  COUNCIL_MEMBER: [item("home", "/home", true), item("evaluation", "/evaluation", true), item("training", "/manage/training", true), item("criteria", "/criteria", true)],
  LEADER: [
    item("home", "/home", true),
    item("dashboard", "/dashboard", true),
    item("producers", "/producers", true),
    item("dossiers", "/dossiers", true),
    item("certificates", "/certificates", true),
    item("inspections", "/inspections", true),
    item("annualPlans", "/annual-plans", true),
    item("promotion", "/manage", true),
  ],
  COMMUNICATIONS: [item("home", "/home", true), item("news", "/manage/news", true), item("documents", "/manage/documents", true), item("training", "/manage/training", true)],
  ADMIN: [item("home", "/home", true), item("users", "/admin/users", true), item("producers", "/producers", true), item("criteria", "/criteria", true)],
};
