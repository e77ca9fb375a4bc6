import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CertificateStatus as StoredStatus, DossierStatus, EvaluationLevel, EvaluationType } from "@/lib/generated/prisma/enums";
import { certificateExpiry, certificateStatus, type CertificateStatus as DateStatus } from "@/lib/domain/certificates";
import { DEFAULT_CERTIFICATE_NUMBER_FORMAT, formatCertificateNumber, nextCertificateSeq, normaliseCertificateNumber } from "@/lib/domain/certificate-numbers";
import { yearBounds } from "@/lib/domain/dashboard";
import { addDays, dateOf, isoOf, type IsoDate } from "@/lib/domain/dates";
import { classifyEvidenceForRenewal, renewalRoundCompleteBy } from "@/lib/domain/renewal";
import { getRuleSet, isRuleSetCode, QD26_2026, ruleSetInForce } from "@/lib/domain/rule-sets";
import { CERTIFICATE_MACHINE, transition, type CertificateAction } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { fileStorage } from "@/lib/storage";
import { wardInRegion } from "./admin-units";
import { prisma, type Tx } from "./client";
import { catalogueProductFor } from "./products";
import { certificateScope } from "./scope";
import { recordStatusChange } from "./timeline";

/** Dossier states of a re-evaluation still on its way (filed, not decided). */
export const PENDING_DOSSIER_STATES: DossierStatus[] = ["SUBMITTED", "RETURNED", "FORWARDED", "SUPPLEMENT_REQUESTED", "ADVISORY_REVIEW", "COUNCIL_SCORING", "COUNCIL_DONE", "SENT_TO_CENTRAL"];
/** …and those where it is still open at all (a draft counts: it is the producer's renewal in progress). */
export const OPEN_DOSSIER_STATES: DossierStatus[] = ["DRAFT", ...PENDING_DOSSIER_STATES];

const wardWithIssuers = { select: { id: true, name: true, code: true, parent: { select: { name: true, code: true, kind: true, parent: { select: { name: true, code: true, kind: true } } } } } } as const;

const certificateView = {
  id: true,
  number: true,
  verifyCode: true,
  dossierId: true,
  producerId: true,
  productName: true,
  criteriaSetNo: true,
  star: true,
  level: true,
  ruleSetCode: true,
  averageTotal: true,
  issuedOn: true,
  expiresOn: true,
  status: true,
  revocationGround: true,
  revokedOn: true,
  revocationNote: true,
  replacedById: true,
  renewalNoticeAt: true,
  expiryNoticeAt: true,
  createdAt: true,
  updatedAt: true,
  producer: { select: { id: true, name: true, address: true, wardId: true, ward: wardWithIssuers } },
  decision: { select: { id: true, number: true, signedOn: true, signerName: true, signerTitle: true, level: true } },
  revocationDecision: { select: { id: true, number: true, signedOn: true, signerName: true, signerTitle: true } },
  dossier: { select: { id: true, evaluationType: true, productCode: true, cycleYear: true, criteriaSet: { select: { no: true, name: true } }, round: { select: { id: true, no: true, cycleYear: true, title: true } } } },
  // Re-evaluations and upgrades built on this certificate: the open one (renewal in progress,
  // QĐ26 Art. 12.3 grace) and the one whose certificate replaced it.
  nextDossiers: {
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, evaluationType: true, certificate: { select: { id: true, number: true, verifyCode: true, star: true, issuedOn: true } } },
  },
} satisfies Prisma.CertificateSelect;

export type CertificateRecord = Prisma.CertificateGetPayload<{ select: typeof certificateView }>;

export const certificateResource = (c: { id: string; producerId: string; status: string; producer: { wardId: string } }) =>
  ({ type: "certificate", id: c.id, producerId: c.producerId, wardId: c.producer.wardId, status: c.status }) as const;

/** The certificate if the actor may see it; null answers 404. */
export async function findCertificate(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<CertificateRecord | null> {
  const found = await db.certificate.findFirst({ where: { AND: [{ id }, certificateScope(actor)] }, select: certificateView });
  return found && can(actor, "certificate.read", certificateResource(found)) ? found : null;
}

type StatusInput = {
  status: StoredStatus | string;
  issuedOn: Date;
  expiresOn: Date;
  revokedOn: Date | null;
  nextDossiers?: { status: string; evaluationType: string }[];
};

/**
 * What a certificate's status is on `today`, as everyone is shown it: the stored end states
 * (revoked, replaced, expired by the sweep) stand; a live one is computed from its dates
 * (renewal window, expiry, and the QĐ26 Art. 12.3 grace of a pending late re-evaluation), so a
 * certificate past its last day reads "expired" even before the nightly sweep records it.
 */
export type DisplayStatus = DateStatus | "RENEWED" | "REVOCATION_PROPOSED";

export function displayStatus(c: StatusInput, today: IsoDate): DisplayStatus {
  switch (c.status) {
    case "REVOKED":
    case "SUPERSEDED":
    case "RENEWED":
    case "EXPIRED":
      return c.status;
  }
  const issuedOn = isoOf(c.issuedOn);
  if (today < issuedOn) return "ACTIVE";
  const lateReEvaluationPending = (c.nextDossiers ?? []).some((d) => d.evaluationType === "RE_EVALUATION" && (PENDING_DOSSIER_STATES as string[]).includes(d.status));
  const computed = certificateStatus({ issuedOn, expiresOn: isoOf(c.expiresOn), revokedOn: c.revokedOn ? isoOf(c.revokedOn) : null, lateReEvaluationPending }, today);
  return c.status === "REVOCATION_PROPOSED" && computed !== "EXPIRED" ? "REVOCATION_PROPOSED" : computed;
}

/** Whether the certificate still entitles the holder to the OCOP mark (the public page's "còn hiệu lực"). */
export function isValidStatus(s: DisplayStatus): boolean {
  return s === "ACTIVE" || s === "RENEWAL_WINDOW_OPEN" || s === "RENEWAL_WINDOW_CLOSED" || s === "GRACE_PERIOD" || s === "REVOCATION_PROPOSED";
}

// ---------------------------------------------------------------------------------------------
// Lists

export const CERTIFICATE_FILTERS = ["valid", "renewal", "expired", "revoked", "replaced"] as const;
export type CertificateFilter = (typeof CERTIFICATE_FILTERS)[number];
export const CERTIFICATE_PAGE_SIZE = 25;

export type CertificateListFilters = {
  status?: CertificateFilter;
  star?: number;
  /** Live certificates whose last day is within this many days. */
  expiringWithin?: number;
  wardId?: string;
  /** Code of the producer's province (lib/domain/places.ts). */
  provinceCode?: string;
  /** Issued in this calendar year (the dashboard's "new this year" and trend figures link here). */
  issuedYear?: number;
  /** The evaluation type of the dossier that earned it: first recognition, upgrade, re-evaluation. */
  evaluationType?: EvaluationType;
  /** Revoked with a revocation dated in this calendar year. */
  revokedYear?: number;
  q?: string;
  page?: number;
};

const yearRange = (year: number) => ({ gte: dateOf(yearBounds(year).from), lte: dateOf(yearBounds(year).to) });

const LIVE: StoredStatus[] = ["ACTIVE", "REVOCATION_PROPOSED"];

/**
 * The SQL side of the status filter. It follows displayStatus on the stored row and the dates;
 * the one case it cannot see is the Art. 12.3 grace (a transitional QĐ148 certificate past expiry
 * with a late re-evaluation pending), which the "expired" filter lists and the row shows as grace.
 */
function statusWhere(filter: CertificateFilter | undefined, today: IsoDate): Prisma.CertificateWhereInput {
  const day = dateOf(today);
  switch (filter) {
    case undefined:
      return {};
    case "valid":
      return { status: { in: LIVE }, expiresOn: { gte: day } };
    case "renewal":
      // QĐ26 Art. 7.6: the filing window runs from 180 to 120 days before expiry.
      return { status: "ACTIVE", expiresOn: { gte: dateOf(addDays(today, 120)), lte: dateOf(addDays(today, 180)) } };
    case "expired":
      return { OR: [{ status: "EXPIRED" }, { status: { in: LIVE }, expiresOn: { lt: day } }] };
    case "revoked":
      return { status: "REVOKED" };
    case "replaced":
      return { status: { in: ["SUPERSEDED", "RENEWED"] } };
  }
}

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function certificateListWhere(actor: Actor, f: CertificateListFilters, today: IsoDate): Prisma.CertificateWhereInput {
  return {
    AND: [
      certificateScope(actor),
      statusWhere(f.status, today),
      f.star ? { star: f.star } : {},
      f.wardId ? { producer: { wardId: f.wardId } } : {},
      f.provinceCode ? { producer: { ward: wardInRegion(f.provinceCode) } } : {},
      f.issuedYear !== undefined ? { issuedOn: yearRange(f.issuedYear) } : {},
      f.evaluationType ? { dossier: { evaluationType: f.evaluationType } } : {},
      f.revokedYear !== undefined ? { status: "REVOKED", revokedOn: yearRange(f.revokedYear) } : {},
      f.expiringWithin !== undefined ? { status: { in: LIVE }, expiresOn: { gte: dateOf(today), lte: dateOf(addDays(today, f.expiringWithin)) } } : {},
      f.q
        ? { OR: [{ productName: { contains: f.q, mode: "insensitive" } }, { producer: { name: { contains: f.q, mode: "insensitive" } } }, { number: { contains: normaliseCertificateNumber(f.q), mode: "insensitive" } }] }
        : {},
    ],
  };
}

/** Whoever looks at what is about to expire wants the nearest first; otherwise the newest. */
export function certificateListOrder(f: CertificateListFilters): Prisma.CertificateOrderByWithRelationInput[] {
  return f.expiringWithin !== undefined || f.status === "renewal" ? [{ expiresOn: "asc" }, { number: "asc" }] : [{ issuedOn: "desc" }, { number: "desc" }];
}

export async function listCertificates(actor: Actor, f: CertificateListFilters, today: IsoDate) {
  const where = certificateListWhere(actor, f, today);
  const page = Math.max(1, f.page ?? 1);
  const orderBy = certificateListOrder(f);
  const [rows, total, stars] = await Promise.all([
    prisma.certificate.findMany({
      where,
      orderBy,
      skip: (page - 1) * CERTIFICATE_PAGE_SIZE,
      take: CERTIFICATE_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        productName: true,
        star: true,
        level: true,
        issuedOn: true,
        expiresOn: true,
        status: true,
        revokedOn: true,
        producer: { select: { name: true, ward: { select: { name: true } } } },
        nextDossiers: { where: { status: { in: PENDING_DOSSIER_STATES } }, select: { status: true, evaluationType: true } },
      },
    }),
    prisma.certificate.count({ where }),
    // Counts per star of what the other filters select, for the filter's own labels.
    prisma.certificate.groupBy({ by: ["star"], where: { AND: [certificateScope(actor), statusWhere(f.status, today)] }, _count: { _all: true } }),
  ]);
  return { rows, total, perStar: Object.fromEntries(stars.map((s) => [s.star, s._count._all])) as Record<number, number> };
}

// ---------------------------------------------------------------------------------------------
// Public verification (no sign-in): a random code from the QR, or the printed number.

/** Codes are made by issueCertificate: 24 url-safe characters; anything else is not looked up. */
const VERIFY_CODE = /^[A-Za-z0-9_-]{16,64}$/;

export async function findCertificateForVerification(code: string) {
  if (!VERIFY_CODE.test(code)) return null;
  // One round trip: what the public may read, nothing about the people who handled it.
  return prisma.certificate.findUnique({
    where: { verifyCode: code },
    select: {
      number: true,
      productName: true,
      star: true,
      level: true,
      issuedOn: true,
      expiresOn: true,
      status: true,
      revocationGround: true,
      revokedOn: true,
      producer: { select: { name: true, ward: { select: { name: true } } } },
      dossier: { select: { criteriaSet: { select: { no: true, name: true } } } },
      decision: { select: { number: true, signedOn: true, signerName: true, signerTitle: true } },
      revocationDecision: { select: { number: true, signedOn: true, signerName: true, signerTitle: true } },
      // The catalogue page of the product (the same across renewals), where one exists.
      product: { select: { slug: true } },
      nextDossiers: {
        orderBy: { createdAt: "desc" },
        select: { status: true, evaluationType: true, certificate: { select: { number: true, verifyCode: true, star: true } } },
      },
    },
  });
}

export async function findVerifyCodeByNumber(number: string): Promise<string | null> {
  const normal = normaliseCertificateNumber(number);
  if (normal.length < 3 || normal.length > 64) return null;
  const found = await prisma.certificate.findFirst({ where: { number: { equals: normal, mode: "insensitive" } }, select: { verifyCode: true } });
  return found?.verifyCode ?? null;
}

// ---------------------------------------------------------------------------------------------
// Issuing

/** The province (and city) above a ward: the certificate number's issuer code and the paper's heading. */
export async function issuersOfWard(db: Tx | typeof prisma, wardId: string) {
  const ward = await db.adminUnit.findUniqueOrThrow({ where: { id: wardId }, select: wardWithIssuers.select });
  return issuersOf(ward);
}

type WardWithIssuers = { name: string; parent: { name: string; code: string; kind: string; parent: { name: string; code: string; kind: string } | null } | null };

export function issuersOf(ward: WardWithIssuers) {
  const chain = [ward.parent, ward.parent?.parent].filter((u): u is NonNullable<typeof u> => !!u);
  const province = chain.find((u) => u.kind === "PROVINCE") ?? null;
  const city = chain.find((u) => u.kind !== "PROVINCE") ?? null;
  return { province, city };
}

/** url-safe, 24 characters, 144 bits: the QR code's link cannot be guessed from a number. */
export function newVerifyCode(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The next certificate number of the year. A transaction-scoped advisory lock per year makes
 * concurrent releases take turns (the unique index on `number` is the last line of defence).
 */
async function nextCertificateNumber(tx: Tx, year: number, provinceCode: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ocop-certificate-number'), ${year}::int)`;
  const sameYear = await tx.certificate.findMany({
    where: { issuedOn: { gte: dateOf(`${year}-01-01`), lt: dateOf(`${year + 1}-01-01`) } },
    select: { number: true },
  });
  const seq = nextCertificateSeq(
    sameYear.map((c) => c.number),
    year,
    DEFAULT_CERTIFICATE_NUMBER_FORMAT,
  );
  return formatCertificateNumber({ seq, year, province: provinceCode }, DEFAULT_CERTIFICATE_NUMBER_FORMAT);
}

export type IssueInput = {
  dossier: { id: string; producerId: string; productName: string; criteriaSetNo: number; ruleSetCode: string | null; evaluationType: string; previousCertificateId: string | null };
  star: number;
  level: EvaluationLevel;
  averageTotal: number;
  decision: { id: string; number: string; signedOn: Date };
};

/**
 * Issues the certificate of a recognised dossier: valid 36 months from the decision's date
 * (QĐ26 Art. 4.3), numbered in the year's sequence, with a random verification code. An upgrade
 * supersedes the certificate it builds on, a re-evaluation renews it (CERTIFICATE_MACHINE).
 */
export async function issueCertificate(tx: Tx, actor: Actor | null, input: IssueInput) {
  const { dossier } = input;
  if (!isRuleSetCode(dossier.ruleSetCode)) throw new Error(`Dossier ${dossier.id} has no rule set`);
  const ruleSet = getRuleSet(dossier.ruleSetCode);
  const issuedOn = isoOf(input.decision.signedOn);
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: dossier.producerId }, select: { wardId: true } });
  const { province } = await issuersOfWard(tx, producer.wardId);
  const number = await nextCertificateNumber(tx, Number(issuedOn.slice(0, 4)), province?.code ?? "");
  const productId = await catalogueProductFor(tx, dossier);
  const certificate = await tx.certificate.create({
    data: {
      productId,
      number,
      verifyCode: newVerifyCode(),
      dossierId: dossier.id,
      producerId: dossier.producerId,
      productName: dossier.productName,
      criteriaSetNo: dossier.criteriaSetNo,
      star: input.star,
      level: input.level,
      ruleSetCode: ruleSet.code,
      averageTotal: input.averageTotal,
      issuedOn: dateOf(issuedOn),
      expiresOn: dateOf(certificateExpiry(issuedOn, ruleSet)),
      decisionId: input.decision.id,
    },
    select: { id: true, number: true, star: true, issuedOn: true, expiresOn: true, verifyCode: true },
  });
  await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: certificate.id, action: "issue", fromStatus: null, toStatus: "ACTIVE", comment: input.decision.number });

  const replaces: CertificateAction | null = dossier.evaluationType === "UPGRADE" ? "supersede" : dossier.evaluationType === "RE_EVALUATION" ? "renew" : null;
  if (dossier.previousCertificateId && replaces) {
    const previous = await tx.certificate.findUnique({ where: { id: dossier.previousCertificateId }, select: { id: true, status: true } });
    // Already replaced by another dossier's certificate: issuing a second one would leave two
    // live certificates for one product.
    if (previous && (previous.status === "RENEWED" || previous.status === "SUPERSEDED")) throw new AppError("INVALID_TRANSITION");
    const to = previous ? transition(CERTIFICATE_MACHINE, previous.status, replaces) : null;
    // Only a live certificate is replaced; one already expired or revoked keeps its end state.
    if (previous && to) {
      const { count } = await tx.certificate.updateMany({ where: { id: previous.id, status: previous.status }, data: { status: to, replacedById: certificate.id } });
      if (count !== 1) throw new AppError("CONFLICT");
      await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: previous.id, action: replaces, fromStatus: previous.status, toStatus: to, comment: certificate.number });
    }
  }
  return certificate;
}

// ---------------------------------------------------------------------------------------------
// Re-evaluation

const ddmmyyyy = (iso: IsoDate) => iso.split("-").reverse().join("/");

/**
 * The re-evaluation dossier (DRAFT) of a certificate, pre-filled from the dossier that earned
 * it: product, set, Forms 01/02 (Form 01 now says "đánh giá lại") and the self-score. Evidence
 * still valid on `today` is copied — new bytes under a new storage key, a new attachment of the
 * new dossier, carriedFromId kept — so the old dossier's files stay as they were when decided.
 * Returns what was carried and the titles to renew: expired (or whose file is gone) and lapsing
 * before the round (QĐ26 Art. 6.1.c asks for renewed time-limited papers).
 */
export async function createReEvaluationDossier(tx: Tx, actor: Actor, cert: { id: string; dossierId: string; producerId: string }, today: IsoDate) {
  const old = await tx.dossier.findUniqueOrThrow({
    where: { id: cert.dossierId },
    select: {
      planId: true,
      productName: true,
      criteriaSetNo: true,
      form01: true,
      form02: true,
      selfScore: true,
      sampleCount: true,
      evidence: {
        where: { attachment: { deletedAt: null } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, title: true, issuedOn: true, expiresOn: true, itemCodes: true, attachment: { select: { storageKey: true, fileName: true, mime: true, purpose: true } } },
      },
    },
  });
  const ruleSet = ruleSetInForce(today) ?? QD26_2026;
  const split = classifyEvidenceForRenewal(
    old.evidence.map((e) => ({ ...e, expiresOn: e.expiresOn ? isoOf(e.expiresOn) : null })),
    today,
    renewalRoundCompleteBy(today, ruleSet),
  );
  const year = Number(today.slice(0, 4));
  const form01 = { ...((old.form01 ?? {}) as Prisma.JsonObject), registrationType: "reassessment", year };
  const dossier = await tx.dossier.create({
    data: {
      producerId: cert.producerId,
      planId: old.planId,
      previousCertificateId: cert.id,
      cycleYear: year,
      status: "DRAFT",
      evaluationType: "RE_EVALUATION",
      productName: old.productName,
      criteriaSetNo: old.criteriaSetNo,
      form01,
      form02: old.form02 ?? {},
      selfScore: old.selfScore ?? {},
      sampleCount: old.sampleCount,
    },
    select: { id: true },
  });

  const storage = fileStorage();
  const missingFiles = new Set<string>();
  let carried = 0;
  for (const e of split.carried) {
    const bytes = await storage.get(e.attachment.storageKey);
    if (!bytes) {
      missingFiles.add(e.id);
      continue;
    }
    const stored = await storage.put(new Uint8Array(bytes));
    const attachment = await tx.attachment.create({
      data: { entityType: "Dossier", entityId: dossier.id, purpose: e.attachment.purpose, storageKey: stored.key, fileName: e.attachment.fileName, mime: e.attachment.mime, size: stored.size, sha256: stored.sha256, uploadedById: actor.userId },
      select: { id: true },
    });
    await tx.dossierEvidence.create({
      data: { dossierId: dossier.id, attachmentId: attachment.id, kind: e.kind, title: e.title, issuedOn: e.issuedOn, expiresOn: e.expiresOn ? dateOf(e.expiresOn) : null, itemCodes: e.itemCodes, carriedFromId: e.id },
    });
    carried += 1;
  }
  return {
    dossierId: dossier.id,
    carried,
    expired: [...split.expired, ...split.carried.filter((e) => missingFiles.has(e.id))].map((e) => e.title),
    expiringBeforeRound: split.expiringBeforeRound.filter((e) => !missingFiles.has(e.id)).map((e) => `${e.title} (${ddmmyyyy(e.expiresOn!)})`),
  };
}
