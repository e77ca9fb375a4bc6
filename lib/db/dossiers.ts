import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type CouncilSeat } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type Tx } from "./client";
import { dossierScope } from "./scope";

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
