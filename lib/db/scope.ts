import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

// Row-level scope of each role, put into every `where` (architecture.md §3.1). A role with no
// business seeing a kind of record gets a filter that matches nothing, so a forgotten policy
// check still cannot leak rows. Combine a scope with other conditions through AND, never by
// spreading: a spread scope's `id` would silently replace the id being looked up.
const NOTHING = { id: { in: [] as string[] } };

export function producerScope(actor: Actor): Prisma.ProducerWhereInput {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return {};
    case "WARD_OFFICER":
      return actor.wardId ? { wardId: actor.wardId } : NOTHING;
    case "PRODUCER":
      return actor.producerId ? { id: actor.producerId } : NOTHING;
    default:
      return NOTHING;
  }
}

export function userScope(actor: Actor): Prisma.UserWhereInput {
  return actor.role === "ADMIN" ? {} : { id: actor.userId };
}

type ProducerRecordWhere = {
  AND?: ProducerRecordWhere[];
  id?: { in: string[] };
  version?: { gt: number };
  producerId?: string;
  producer?: { wardId: string };
};

// A record a producer writes (an idea, a business plan) reaches officials with its first
// submission (version > 0); until then it is the producer's own notebook, by id as in lists.
const SUBMITTED_ONCE: ProducerRecordWhere = { version: { gt: 0 } };

/** Scope of records owned by a producer and submitted to its ward: ideas and business plans. */
export function producerRecordScope(actor: Actor): ProducerRecordWhere {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return SUBMITTED_ONCE;
    case "WARD_OFFICER":
      return actor.wardId ? { AND: [{ producer: { wardId: actor.wardId } }, SUBMITTED_ONCE] } : NOTHING;
    case "PRODUCER":
      return actor.producerId ? { producerId: actor.producerId } : NOTHING;
    default:
      return NOTHING;
  }
}

/**
 * Dossiers: like ideas and plans, plus the council. A council member sees the dossiers of the
 * rounds they sit on, except those they have a conflict of interest with: for them such a
 * dossier does not exist (404), whatever the link they were sent.
 */
export function dossierScope(actor: Actor): Prisma.DossierWhereInput {
  if (actor.role === "COUNCIL_MEMBER") {
    return {
      AND: [
        { version: { gt: 0 } },
        { round: { members: { some: { userId: actor.userId } } } },
        { conflicts: { none: { userId: actor.userId } } },
      ],
    };
  }
  return producerRecordScope(actor) as Prisma.DossierWhereInput;
}

export function roundScope(actor: Actor): Prisma.EvaluationRoundWhereInput {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return {};
    case "COUNCIL_MEMBER":
      return { members: { some: { userId: actor.userId } } };
    default:
      return NOTHING;
  }
}

type ProducerOwnedWhere = { id?: { in: string[] }; producerId?: string; producer?: { wardId: string } };

/** Records a producer holds from the day they exist (no submission first): its own, its ward's, all for the office. */
function producerOwnedScope(actor: Actor): ProducerOwnedWhere {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return {};
    case "WARD_OFFICER":
      return actor.wardId ? { producer: { wardId: actor.wardId } } : NOTHING;
    case "PRODUCER":
      return actor.producerId ? { producerId: actor.producerId } : NOTHING;
    default:
      return NOTHING;
  }
}

export function certificateScope(actor: Actor): Prisma.CertificateWhereInput {
  return producerOwnedScope(actor);
}

/** Catalogue products in the portal: the producer's own, a ward's producers', all for the office. */
export function productScope(actor: Actor): Prisma.ProductWhereInput {
  return producerOwnedScope(actor);
}

/** Raw-material areas and points of sale sit in a ward: a ward officer sees its own. */
export function wardPlaceScope(actor: Actor): { wardId?: string; id?: { in: string[] } } {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return {};
    case "WARD_OFFICER":
      return actor.wardId ? { wardId: actor.wardId } : NOTHING;
    default:
      return NOTHING;
  }
}

/**
 * Inspections (hậu kiểm): the city's roles see all; a ward officer those of its ward's producers;
 * a producer those of its own products. Ward and producer are copied from the certificate when the
 * inspection is planned, so the list needs no join.
 */
export function inspectionScope(actor: Actor): Prisma.InspectionWhereInput {
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      return {};
    case "WARD_OFFICER":
      return actor.wardId ? { wardId: actor.wardId } : NOTHING;
    case "PRODUCER":
      return actor.producerId ? { producerId: actor.producerId } : NOTHING;
    default:
      return NOTHING;
  }
}
