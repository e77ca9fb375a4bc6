import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type CouncilSeat } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type Tx } from "./client";
import { certificateScope, dossierScope } from "./scope";
import { wardInRegion } from "./admin-units";
import { promotedProductWhere } from "./dashboard";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import type { DossierStage } from "@/lib/domain/dashboard";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { intakeFlags, intakeReferenceDate, productCodePrefix, sheetRequiresFoodSafety, type EvidenceKind, type IntakeFlag } from "@/lib/domain/dossier-intake";
import { getRuleSet, isRuleSetCode, ruleSetInForce, type RuleSetDefinition } from "@/lib/domain/rule-sets";

// The one loader of a dossier (architecture.md §3.1): scoped, then checked with the policy. It
// also works out the actor's council seat for the dossier's round, which the policy needs.
const dossierView = (userId: string) =>
  ({
    id: true,
    producerId: true,
    planId: true,
    previousCertificateId: true,
    cycleYear: true,
    status: true,
    evaluationType: true,
    productName: true,
    criteriaSetNo: true,
    ruleSetCode: true,
    sheetId: true,
    form01: true,
    form02: true,
    selfScore: true,
    sampleCount: true,
    productCode: true,
    version: true,
    submittedAt: true,
    wardDueOn: true,
    form03: true,
    form03ById: true,
    form03At: true,
    missingItems: true,
    forwardedAt: true,
    roundId: true,
    decidedAt: true,
    createdAt: true,
    updatedAt: true,
    producer: {
      select: {
        id: true,
        name: true,
        type: true,
        wardId: true,
        verificationStatus: true,
        legalRepName: true,
        address: true,
        phone: true,
        ward: { select: { name: true, code: true } },
      },
    },
    criteriaSet: { select: { no: true, name: true } },
    round: {
      select: {
        id: true,
        no: true,
        cycleYear: true,
        title: true,
        status: true,
        level: true,
        maxSpread: true,
        knockOutRule: true,
        completeBy: true,
        members: { where: { userId }, select: { role: true, scores: true } },
      },
    },
    conflicts: { where: { userId }, select: { id: true } },
    scoreSheets: { where: { userId }, select: { id: true, status: true } },
  }) satisfies Prisma.DossierSelect;

type LoadedDossier = Prisma.DossierGetPayload<{ select: ReturnType<typeof dossierView> }>;

function seatOf(d: LoadedDossier): CouncilSeat | null {
  const member = d.round?.members[0];
  if (!member || d.conflicts.length > 0) return null;
  return { role: member.role, scores: member.scores, ownSheetSubmitted: d.scoreSheets[0]?.status === "SUBMITTED" };
}

export type DossierRecord = LoadedDossier & { seat: CouncilSeat | null };

export const dossierResource = (d: { id: string; producerId: string; status: string; producer: { wardId: string }; seat: CouncilSeat | null }) =>
  ({ type: "dossier", id: d.id, producerId: d.producerId, wardId: d.producer.wardId, status: d.status, council: d.seat }) as const;

/** The dossier if the actor may see it; null answers 404 (missing, out of scope or conflicted). */
export async function findDossier(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<DossierRecord | null> {
  const found = await db.dossier.findFirst({ where: { AND: [{ id }, dossierScope(actor)] }, select: dossierView(actor.userId) });
  if (!found) return null;
  const record = { ...found, seat: seatOf(found) };
  return can(actor, "dossier.read", dossierResource(record)) ? record : null;
}

/**
 * Serialises writes that must see every other write of the same dossier (the last council
 * sheet coming in, a release): a row lock held until the transaction ends.
 */
export async function lockDossier(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Dossier" WHERE id = ${id} FOR UPDATE`;
}

// ---------------------------------------------------------------------------------------------
// Dossier intake: lists, evidence, the sheet a dossier is scored on, product codes.


export const DOSSIER_PAGE_SIZE = 20;

export type DossierFilters = {
  status?: DossierStatus;
  wardId?: string;
  /** Code of the producer's province (lib/domain/places.ts). */
  provinceCode?: string;
  /** The dossier's cycle year. */
  year?: number;
  /** "promoted": the recognised product was promoted (lib/db/dashboard.ts promotedProductWhere). */
  stage?: DossierStage;
  criteriaSetNo?: number;
  q?: string;
  page?: number;
};

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function dossierFilterWhere(actor: Actor, f: DossierFilters): Prisma.DossierWhereInput {
  return {
    AND: [
      dossierScope(actor),
      f.status ? { status: f.status } : {},
      f.wardId ? { producer: { wardId: f.wardId } } : {},
      f.provinceCode ? { producer: { ward: wardInRegion(f.provinceCode) } } : {},
      f.year !== undefined ? { cycleYear: f.year } : {},
      f.stage === "promoted" ? { certificate: { product: promotedProductWhere() } } : {},
      f.criteriaSetNo ? { criteriaSetNo: f.criteriaSetNo } : {},
      f.q
        ? {
            OR: [
              { productName: { contains: f.q, mode: "insensitive" } },
              { producer: { name: { contains: f.q, mode: "insensitive" } } },
              { productCode: { contains: f.q } },
            ],
          }
        : {},
    ],
  };
}

/**
 * Queue order per desk. A producer looks for what they worked on last (yesterday's draft first);
 * officials work by deadline: the ward's due date (only dossiers at the ward carry one, overdue
 * first), then what reached the office first.
 */
export function dossierOrder(actor: Actor): Prisma.DossierOrderByWithRelationInput[] {
  if (actor.role === "PRODUCER") return [{ updatedAt: "desc" }, { id: "asc" }];
  return [{ wardDueOn: { sort: "asc", nulls: "last" } }, { forwardedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }];
}

export async function listDossiers(actor: Actor, f: DossierFilters) {
  if (!can(actor, "dossier.list", { type: "dashboard" })) return { rows: [], total: 0, counts: {} as Record<string, number> };
  const page = Math.max(1, f.page ?? 1);
  const where = dossierFilterWhere(actor, f);
  // Counts per status ignore the status filter, so each tab shows what it would hold.
  const countWhere = dossierFilterWhere(actor, { ...f, status: undefined });
  const [rows, total, grouped] = await Promise.all([
    prisma.dossier.findMany({
      where,
      orderBy: dossierOrder(actor),
      skip: (page - 1) * DOSSIER_PAGE_SIZE,
      take: DOSSIER_PAGE_SIZE,
      select: {
        id: true,
        productName: true,
        productCode: true,
        status: true,
        evaluationType: true,
        criteriaSetNo: true,
        sheetId: true,
        ruleSetCode: true,
        cycleYear: true,
        wardDueOn: true,
        submittedAt: true,
        forwardedAt: true,
        updatedAt: true,
        missingItems: true,
        producer: { select: { name: true, ward: { select: { name: true } } } },
        round: { select: { completeBy: true } },
      },
    }),
    prisma.dossier.count({ where }),
    prisma.dossier.groupBy({ by: ["status"], where: countWhere, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Record<string, number>;
  // Officials see the intake flags in the queue; evidence of the whole page in one query.
  const flags = actor.role === "PRODUCER" ? new Map<string, IntakeFlag[]>() : await intakeFlagsForMany(rows);
  return { rows: rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] })), total, counts };
}

/** Evidence of a dossier the caller has loaded in scope, with its file. */
export async function listDossierEvidence(dossier: { id: string }, db: Tx | typeof prisma = prisma) {
  return db.dossierEvidence.findMany({
    where: { dossierId: dossier.id, attachment: { deletedAt: null } },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      issuedOn: true,
      expiresOn: true,
      itemCodes: true,
      carriedFromId: true,
      createdAt: true,
      attachment: { select: { id: true, fileName: true, mime: true, size: true } },
    },
  });
}
export type DossierEvidenceRow = Awaited<ReturnType<typeof listDossierEvidence>>[number];

export async function listDossierRevisions(dossier: { id: string }) {
  return prisma.dossierRevision.findMany({ where: { dossierId: dossier.id }, orderBy: { version: "desc" }, select: { version: true, submittedAt: true } });
}

export type DossierSheet = { id: string; ruleSetCode: string; version: number; data: CriteriaSheetData };

/** The newest sheet version of a criteria set under a rule set. */
export async function latestSheet(criteriaSetNo: number, ruleSetCode: string, db: Tx | typeof prisma = prisma): Promise<DossierSheet | null> {
  const row = await db.criteriaSheet.findFirst({
    where: { criteriaSetNo, ruleSetCode },
    orderBy: { version: "desc" },
    select: { id: true, ruleSetCode: true, version: true, data: true },
  });
  return row ? { ...row, data: row.data as unknown as CriteriaSheetData } : null;
}

/**
 * The sheet a dossier is scored on: the version pinned at its first submission, or, before
 * that, the newest version under the rule set in force on `today` (what submitting would pin).
 */
export async function sheetForDossier(
  dossier: { sheetId: string | null; criteriaSetNo: number },
  today: IsoDate,
  db: Tx | typeof prisma = prisma,
): Promise<DossierSheet | null> {
  if (dossier.sheetId) {
    const row = await db.criteriaSheet.findUnique({ where: { id: dossier.sheetId }, select: { id: true, ruleSetCode: true, version: true, data: true } });
    return row ? { ...row, data: row.data as unknown as CriteriaSheetData } : null;
  }
  const ruleSet = ruleSetInForce(today);
  return ruleSet ? latestSheet(dossier.criteriaSetNo, ruleSet.code, db) : null;
}

/** The rule set a dossier follows: the one pinned, or the one in force today for a draft. */
export function ruleSetForDossier(dossier: { ruleSetCode: string | null }, today: IsoDate): RuleSetDefinition | null {
  return dossier.ruleSetCode && isRuleSetCode(dossier.ruleSetCode) ? getRuleSet(dossier.ruleSetCode) : ruleSetInForce(today);
}

// Sheet versions never change once loaded (a correction is a new version), so whether one needs
// a food-safety certificate can be remembered per sheet id for the life of the process.
const foodSafetyBySheet = new Map<string, boolean>();

async function foodSafetyRequirements(keys: { sheetId: string | null; criteriaSetNo: number }[], today: IsoDate): Promise<Map<string, boolean>> {
  const ruleSet = ruleSetInForce(today);
  const pinned = [...new Set(keys.map((k) => k.sheetId).filter((id): id is string => id !== null && !foodSafetyBySheet.has(id)))];
  const unpinnedSets = [...new Set(keys.filter((k) => k.sheetId === null).map((k) => k.criteriaSetNo))];
  const [pinnedRows, latestRows] = await Promise.all([
    pinned.length ? prisma.criteriaSheet.findMany({ where: { id: { in: pinned } }, select: { id: true, data: true } }) : [],
    unpinnedSets.length && ruleSet
      ? prisma.criteriaSheet.findMany({
          where: { ruleSetCode: ruleSet.code, criteriaSetNo: { in: unpinnedSets } },
          orderBy: [{ criteriaSetNo: "asc" }, { version: "desc" }],
          distinct: ["criteriaSetNo"],
          select: { id: true, criteriaSetNo: true, data: true },
        })
      : [],
  ]);
  for (const r of [...pinnedRows, ...latestRows]) foodSafetyBySheet.set(r.id, sheetRequiresFoodSafety(r.data as unknown as CriteriaSheetData));
  const latestBySet = new Map(latestRows.map((r) => [r.criteriaSetNo, r.id]));
  const out = new Map<string, boolean>();
  for (const k of keys) {
    const sheetId = k.sheetId ?? latestBySet.get(k.criteriaSetNo);
    out.set(`${k.sheetId ?? ""}|${k.criteriaSetNo}`, sheetId ? (foodSafetyBySheet.get(sheetId) ?? false) : false);
  }
  return out;
}

const isoOf = (d: Date | null | undefined): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);

type IntakeSubject = { id: string; sheetId: string | null; criteriaSetNo: number; ruleSetCode: string | null; round: { completeBy: Date } | null };

/** Intake flags of several dossiers (already loaded in scope): two queries, whatever the count. */
export async function intakeFlagsForMany(dossiers: IntakeSubject[], now = new Date()): Promise<Map<string, IntakeFlag[]>> {
  const out = new Map<string, IntakeFlag[]>();
  if (dossiers.length === 0) return out;
  const today = vietnamDateOf(now);
  const [evidence, requirements] = await Promise.all([
    prisma.dossierEvidence.findMany({
      where: { dossierId: { in: dossiers.map((d) => d.id) }, attachment: { deletedAt: null } },
      select: { id: true, dossierId: true, kind: true, title: true, expiresOn: true },
    }),
    foodSafetyRequirements(dossiers, today),
  ]);
  for (const d of dossiers) {
    const own = evidence.filter((e) => e.dossierId === d.id).map((e) => ({ id: e.id, kind: e.kind as EvidenceKind, title: e.title, expiresOn: isoOf(e.expiresOn) }));
    const referenceDate = intakeReferenceDate({ roundCompleteBy: isoOf(d.round?.completeBy), today, ruleSet: ruleSetForDossier(d, today) });
    out.set(d.id, intakeFlags({ evidence: own, requiresFoodSafety: requirements.get(`${d.sheetId ?? ""}|${d.criteriaSetNo}`) ?? false, today, referenceDate }));
  }
  return out;
}

/** Flags and the date they were checked against, for one dossier's page. */
export async function dossierIntake(dossier: IntakeSubject, now = new Date()) {
  const today = vietnamDateOf(now);
  const flags = (await intakeFlagsForMany([dossier], now)).get(dossier.id) ?? [];
  const referenceDate = intakeReferenceDate({ roundCompleteBy: isoOf(dossier.round?.completeBy), today, ruleSet: ruleSetForDossier(dossier, today) });
  return { flags, referenceDate };
}

/**
 * What the dossier grew from and whom it is about, for prefilling forms and for Form 03's
 * "the producer's own description" beside each assessment item. Takes a dossier the caller has
 * loaded in scope.
 */
export async function dossierBackground(dossier: { id: string }, db: Tx | typeof prisma = prisma) {
  return db.dossier.findUniqueOrThrow({
    where: { id: dossier.id },
    select: {
      plan: {
        select: {
          id: true,
          status: true,
          rawMaterialArea: true,
          labour: true,
          idea: { select: { id: true, productName: true, description: true, rawMaterials: true, localLabour: true, localWorkerCount: true, ideaOrigin: true, novelty: true, localIdentity: true } },
        },
      },
      producer: {
        select: { type: true, legalRepGender: true, legalRepEthnicity: true, legalRepPosition: true, businessRegNo: true, email: true, workerCount: true },
      },
      previousCertificate: { select: { id: true, number: true, star: true, expiresOn: true, status: true } },
    },
  });
}

/** Business plans a producer may open a dossier from (QĐ26 Art. 6: after the plan is approved). */
export async function plansForDossier(actor: Actor, db: Tx | typeof prisma = prisma) {
  if (actor.role !== "PRODUCER" || !actor.producerId) return [];
  return db.businessPlan.findMany({
    where: { producerId: actor.producerId, status: { in: ["APPROVED", "IMPLEMENTING", "READY_FOR_EVALUATION"] } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, status: true, idea: { select: { productName: true, criteriaSetNo: true } } },
  });
}

/** The producer's active certificates an upgrade or re-evaluation can build on, in the actor's scope. */
export async function activeCertificatesOf(actor: Actor, producerId: string, db: Tx | typeof prisma = prisma) {
  return db.certificate.findMany({
    where: { AND: [certificateScope(actor), { producerId, status: "ACTIVE" }] },
    orderBy: { issuedOn: "desc" },
    select: { id: true, number: true, productName: true, star: true, criteriaSetNo: true, expiresOn: true },
  });
}

/** Administrative codes for the product code: the ward's own and its province's (up the tree). */
export async function wardAndProvinceCodes(wardId: string, db: Tx | typeof prisma = prisma): Promise<{ wardCode: string; provinceCode: string | null; provinceName: string | null; wardName: string }> {
  const ward = await db.adminUnit.findUniqueOrThrow({
    where: { id: wardId },
    select: {
      code: true,
      name: true,
      kind: true,
      parent: { select: { code: true, name: true, kind: true, parent: { select: { code: true, name: true, kind: true, parent: { select: { code: true, name: true, kind: true } } } } } },
    },
  });
  let unit: { code: string; name: string; kind: string; parent?: unknown } | null = ward.parent ?? null;
  while (unit && unit.kind !== "PROVINCE") unit = (unit.parent as typeof unit | undefined) ?? null;
  return { wardCode: ward.code, wardName: ward.name, provinceCode: unit?.code ?? null, provinceName: unit?.name ?? null };
}

/**
 * The next STT of a commune's year, under a transaction-scoped advisory lock on that series:
 * two forwards in the same ward at the same moment queue here instead of both reading the same
 * highest number (the unique index on productCode would then refuse one of them).
 */
export async function nextProductSequence(tx: Tx, provinceCode: string, wardCode: string, year: number): Promise<number> {
  const prefix = productCodePrefix(provinceCode, wardCode);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dossier-stt:${prefix}${year}`}))`;
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT MAX(CAST(split_part("productCode", '-', 3) AS INTEGER)) AS max
    FROM "Dossier"
    WHERE "productCode" LIKE ${`${prefix}%-${year}`} AND split_part("productCode", '-', 3) ~ '^[0-9]+$'`;
  return (rows[0]?.max ?? 0) + 1;
}
