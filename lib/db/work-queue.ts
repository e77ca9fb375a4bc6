import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "./client";
import { certificateScope, dossierScope } from "./scope";

/** One line of "what is waiting for me" on the home page: a count and the list behind it. */
export type WorkItem = { key: string; count: number; href: string; urgent?: number };

const dossiers = (actor: Actor, where: Prisma.DossierWhereInput) => prisma.dossier.count({ where: { AND: [dossierScope(actor), where] } });

/**
 * The counts each desk acts on, every one through the same scope as the list it links to, so a
 * number on the home page is always the length of that list.
 */
export async function workQueue(actor: Actor, today: Date): Promise<WorkItem[]> {
  switch (actor.role) {
    case "WARD_OFFICER": {
      const [waiting, overdue] = await Promise.all([dossiers(actor, { status: "SUBMITTED" }), dossiers(actor, { status: "SUBMITTED", wardDueOn: { lt: today } })]);
      return [{ key: "wardDossiers", count: waiting, urgent: overdue, href: "/dossiers?status=SUBMITTED" }];
    }
    case "ECONOMIC_OFFICE": {
      const [forwarded, unassigned, done, checked] = await Promise.all([
        dossiers(actor, { status: "FORWARDED" }),
        dossiers(actor, { status: "FORWARDED", roundId: null }),
        prisma.dossierResult.count({ where: { status: "STAGED" } }),
        prisma.dossierResult.count({ where: { status: "CHECKED" } }),
      ]);
      return [
        { key: "officeIntake", count: forwarded, urgent: unassigned, href: "/dossiers?status=FORWARDED" },
        { key: "officeResults", count: done + checked, href: "/results" },
      ];
    }
    case "COUNCIL_MEMBER": {
      const toScore = await dossiers(actor, {
        status: "COUNCIL_SCORING",
        round: { members: { some: { userId: actor.userId, scores: true } } },
        scoreSheets: { none: { userId: actor.userId, status: "SUBMITTED" } },
      });
      return [{ key: "councilSheets", count: toScore, href: "/evaluation" }];
    }
    case "PRODUCER": {
      const [drafts, returned, renewable] = await Promise.all([
        dossiers(actor, { status: "DRAFT" }),
        dossiers(actor, { status: { in: ["RETURNED", "SUPPLEMENT_REQUESTED"] } }),
        prisma.certificate.count({ where: { AND: [certificateScope(actor), { status: "ACTIVE" }, { expiresOn: { lte: new Date(today.getTime() + 180 * 86_400_000) } }] } }),
      ]);
      return [
        { key: "producerDrafts", count: drafts, href: "/dossiers?status=DRAFT" },
        { key: "producerReturned", count: returned, href: "/dossiers" },
        { key: "producerRenewals", count: renewable, href: "/certificates" },
      ];
    }
    default:
      return [];
  }
}
