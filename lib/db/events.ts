import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventParticipantStatus, TradeEventKind, TradeEventLevel, TradeEventStatus } from "@/lib/generated/prisma/enums";
import { dateOf, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { listedWhere } from "./catalogue";
import { prisma, type Tx } from "./client";
import { listStatusEvents } from "./timeline";
import { likeLiteral } from "./like";

type Db = Tx | typeof prisma;
const NOTHING = { id: { in: [] as string[] } };

/** Today in Vietnam as the UTC midnight Prisma compares @db.Date columns with. */
const vietnamToday = () => dateOf(vietnamDateOf(new Date()));

/**
 * Events in the portal: the office sees its drafts; everyone else who may list events sees what
 * has been published (a cancelled one too, so a producer learns why its registration stopped).
 */
export function eventScope(actor: Actor): Prisma.TradeEventWhereInput {
  if (can(actor, "event.manage", { type: "tradeEvent", id: "", status: "DRAFT" })) return {};
  if (can(actor, "event.list", { type: "tradeEvent", id: "", status: "PUBLISHED" })) return { status: { in: ["PUBLISHED", "CANCELLED"] } };
  return NOTHING;
}

/** Registrations: the office sees all; a producer sees its own. */
export function participantScope(actor: Actor): Prisma.EventParticipantWhereInput {
  if (can(actor, "event.manage", { type: "tradeEvent", id: "", status: "DRAFT" })) return {};
  if (actor.role === "PRODUCER" && actor.producerId) return { producerId: actor.producerId };
  return NOTHING;
}

const eventView = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  level: true,
  startsOn: true,
  endsOn: true,
  place: true,
  organiser: true,
  boothCapacity: true,
  registrationClosesOn: true,
  description: true,
  status: true,
  version: true,
  visitorCount: true,
  salesVnd: true,
  contractsSigned: true,
  resultNote: true,
  resultsRecordedAt: true,
  updatedAt: true,
} satisfies Prisma.TradeEventSelect;

export type EventRecord = Prisma.TradeEventGetPayload<{ select: typeof eventView }>;

export const eventResource = (e: { id: string; status: string }) => ({ type: "tradeEvent", id: e.id, status: e.status }) as const;

/** Dates of an event as ISO strings, for the pure rules of lib/domain/events. */
export const scheduleOf = (e: { startsOn: Date; endsOn: Date; registrationClosesOn: Date | null; status: string }) => ({
  startsOn: isoOf(e.startsOn),
  endsOn: isoOf(e.endsOn),
  registrationClosesOn: e.registrationClosesOn ? isoOf(e.registrationClosesOn) : null,
  status: e.status,
});

export async function findEvent(actor: Actor, id: string, db: Db = prisma): Promise<EventRecord | null> {
  const event = await db.tradeEvent.findFirst({ where: { AND: [{ id }, eventScope(actor)] }, select: eventView });
  if (!event || !can(actor, "event.list", eventResource(event))) return null;
  return event;
}

/** Holds the event's row until the transaction ends: confirmations and capacity edits take turns. */
export async function lockEvent(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "TradeEvent" WHERE id = ${id} FOR UPDATE`;
  // What was loaded before the lock may be stale (a cancellation that committed meanwhile):
  // writes that depend on the event's state re-check it from here.
  return tx.tradeEvent.findUniqueOrThrow({ where: { id }, select: { status: true, startsOn: true, endsOn: true, registrationClosesOn: true, boothCapacity: true } });
}

/** Booths confirmed so far (read under the event's lock by the writes that depend on it). */
export async function confirmedBooths(db: Db, eventId: string): Promise<number> {
  const sum = await db.eventParticipant.aggregate({ where: { eventId, status: "CONFIRMED" }, _sum: { booths: true } });
  return sum._sum.booths ?? 0;
}

const participantView = {
  id: true,
  eventId: true,
  producerId: true,
  status: true,
  booths: true,
  note: true,
  decisionNote: true,
  decidedAt: true,
  salesVnd: true,
  contractsSigned: true,
  version: true,
  createdAt: true,
  producer: { select: { id: true, name: true, ward: { select: { name: true } } } },
  event: { select: eventView },
} satisfies Prisma.EventParticipantSelect;

export type ParticipantRecord = Prisma.EventParticipantGetPayload<{ select: typeof participantView }>;

export const participantResource = (p: { id: string; producerId: string; status: string }) =>
  ({ type: "eventParticipant", id: p.id, producerId: p.producerId, status: p.status }) as const;

export async function findParticipant(actor: Actor, id: string, db: Db = prisma): Promise<ParticipantRecord | null> {
  const p = await db.eventParticipant.findFirst({ where: { AND: [{ id }, participantScope(actor)] }, select: participantView });
  if (!p || !(await findEvent(actor, p.eventId, db))) return null;
  return p;
}

/** The registration form's choice: the producer's own products the catalogue lists today. */
export async function listOwnListedProducts(actor: Actor, db: Db = prisma) {
  if (!actor.producerId) return [];
  return db.product.findMany({
    where: { AND: [{ producerId: actor.producerId }, listedWhere(vietnamDateOf(new Date()))] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, star: true, slug: true },
  });
}

/** The actor's own producer (from the session, never from a form) as a policy resource. */
export async function findOwnProducer(actor: Actor, db: Db = prisma) {
  if (!actor.producerId) return null;
  return db.producer.findUnique({ where: { id: actor.producerId }, select: { id: true, name: true, wardId: true } });
}

export async function findOwnParticipation(actor: Actor, eventId: string, db: Db = prisma) {
  if (!actor.producerId) return null;
  return db.eventParticipant.findUnique({
    where: { eventId_producerId: { eventId, producerId: actor.producerId } },
    select: { id: true, status: true, booths: true, note: true, decisionNote: true, version: true, products: { select: { id: true, name: true, slug: true } } },
  });
}

/** Participants of an event the caller loaded for the office, waiting ones first. */
export async function listParticipants(event: { id: string }) {
  const rows = await prisma.eventParticipant.findMany({
    where: { eventId: event.id },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      status: true,
      booths: true,
      note: true,
      decisionNote: true,
      decidedAt: true,
      salesVnd: true,
      contractsSigned: true,
      createdAt: true,
      producer: { select: { id: true, name: true, phone: true, ward: { select: { name: true } } } },
      products: { orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, star: true } },
    },
  });
  const order: Record<EventParticipantStatus, number> = { REGISTERED: 0, CONFIRMED: 1, DECLINED: 2, WITHDRAWN: 3 };
  return rows.sort((a, b) => order[a.status] - order[b.status]);
}

export async function listEventHistory(event: { id: string }) {
  return listStatusEvents({ entityType: "TradeEvent", id: event.id });
}

// ---------------------------------------------------------------------------------------------
// The desk: what waits for the office first.

export const EVENT_PAGE_SIZE = 20;

export type EventQueueFilters = { status?: TradeEventStatus; level?: TradeEventLevel; kind?: TradeEventKind; q?: string; page?: number };

export type EventQueueRow = {
  id: string;
  name: string;
  kind: TradeEventKind;
  level: TradeEventLevel;
  status: TradeEventStatus;
  startsOn: Date;
  endsOn: Date;
  place: string;
  boothCapacity: number;
  registrationClosesOn: Date | null;
  resultsRecordedAt: Date | null;
  waiting: number;
  confirmedBooths: number;
};

/**
 * Events as the office works through them: those with registrations to confirm, then the ones
 * still to come (soonest first), then past ones (latest first), cancelled ones last. Counts and
 * order are computed in SQL so a page costs one query whatever the number of registrations.
 */
export async function listEventQueue(actor: Actor, f: EventQueueFilters) {
  const scope = eventScope(actor);
  if ("id" in scope) return { rows: [] as EventQueueRow[], total: 0 };
  const published = "status" in scope;
  // A date string cast in SQL: a JS Date would be a timestamp read in the session's time zone.
  const today = vietnamDateOf(new Date());
  const conditions: Prisma.Sql[] = [];
  if (published) conditions.push(Prisma.sql`e.status IN ('PUBLISHED', 'CANCELLED')`);
  if (f.status) conditions.push(Prisma.sql`e.status = ${f.status}::"TradeEventStatus"`);
  if (f.level) conditions.push(Prisma.sql`e.level = ${f.level}::"TradeEventLevel"`);
  if (f.kind) conditions.push(Prisma.sql`e.kind = ${f.kind}::"TradeEventKind"`);
  if (f.q) conditions.push(Prisma.sql`e.name ILIKE ${`%${likeLiteral(f.q)}%`}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const page = Math.max(1, f.page ?? 1);
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<(Omit<EventQueueRow, "waiting" | "confirmedBooths"> & { waiting: bigint; confirmedBooths: bigint })[]>`
      SELECT e.id, e.name, e.kind, e.level, e.status, e."startsOn", e."endsOn", e.place, e."boothCapacity",
             e."registrationClosesOn", e."resultsRecordedAt",
             count(p.id) FILTER (WHERE p.status = 'REGISTERED') AS waiting,
             coalesce(sum(p.booths) FILTER (WHERE p.status = 'CONFIRMED'), 0) AS "confirmedBooths"
      FROM "TradeEvent" e LEFT JOIN "EventParticipant" p ON p."eventId" = e.id
      ${where}
      GROUP BY e.id
      ORDER BY
        CASE
          WHEN e.status = 'CANCELLED' THEN 3
          WHEN e.status = 'PUBLISHED' AND e."endsOn" >= ${today}::date AND count(p.id) FILTER (WHERE p.status = 'REGISTERED') > 0 THEN 0
          WHEN e."endsOn" >= ${today}::date THEN 1
          ELSE 2
        END,
        CASE WHEN e."endsOn" >= ${today}::date AND e.status <> 'CANCELLED' THEN e."startsOn" END ASC,
        e."startsOn" DESC,
        e.id
      LIMIT ${EVENT_PAGE_SIZE} OFFSET ${(page - 1) * EVENT_PAGE_SIZE}`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TradeEvent" e ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, waiting: Number(r.waiting), confirmedBooths: Number(r.confirmedBooths) })),
    total: Number(counted[0]?.n ?? 0),
  };
}

/** Registrations waiting for the office's decision on events not yet over (office hub). */
export async function countEventRegistrationsWaiting(): Promise<number> {
  return prisma.eventParticipant.count({ where: { status: "REGISTERED", event: { status: "PUBLISHED", endsOn: { gte: vietnamToday() } } } });
}

/** What a producer can register for now, and the events it is already in (with their status). */
export async function listProducerEvents(actor: Actor) {
  if (!actor.producerId) return { open: [], mine: [] };
  const today = vietnamToday();
  const [open, mine] = await Promise.all([
    prisma.tradeEvent.findMany({
      where: {
        AND: [
          eventScope(actor),
          { status: "PUBLISHED", startsOn: { gte: today } },
          // Open: a closing date not yet passed, or none and the event starts after today.
          { OR: [{ registrationClosesOn: { gte: today } }, { registrationClosesOn: null, startsOn: { gt: today } }] },
        ],
      },
      orderBy: [{ registrationClosesOn: { sort: "asc", nulls: "last" } }, { startsOn: "asc" }],
      take: 50,
      select: { id: true, name: true, kind: true, level: true, startsOn: true, endsOn: true, place: true, registrationClosesOn: true, boothCapacity: true },
    }),
    prisma.eventParticipant.findMany({
      where: { producerId: actor.producerId },
      orderBy: [{ event: { startsOn: "desc" } }],
      take: 50,
      select: {
        id: true,
        status: true,
        booths: true,
        event: { select: { id: true, name: true, startsOn: true, endsOn: true, place: true, status: true } },
      },
    }),
  ]);
  return { open, mine };
}

// ---------------------------------------------------------------------------------------------
// Public pages: no actor, published events only.

export const PUBLIC_EVENT_PAGE_SIZE = 12;

const publicEventCard = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  level: true,
  startsOn: true,
  endsOn: true,
  place: true,
  organiser: true,
  resultsRecordedAt: true,
} satisfies Prisma.TradeEventSelect;

/** The public calendar: upcoming (and ongoing) events soonest first, or past ones latest first. */
export async function listPublicEvents(f: { past: boolean; level?: TradeEventLevel; kind?: TradeEventKind; page?: number; pageSize?: number }) {
  const today = vietnamToday();
  const pageSize = f.pageSize ?? PUBLIC_EVENT_PAGE_SIZE;
  const where: Prisma.TradeEventWhereInput = {
    status: "PUBLISHED",
    endsOn: f.past ? { lt: today } : { gte: today },
    ...(f.level ? { level: f.level } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
  };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.tradeEvent.findMany({
      where,
      orderBy: f.past ? [{ startsOn: "desc" }, { id: "asc" }] : [{ startsOn: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...publicEventCard, _count: { select: { participants: { where: { status: "CONFIRMED" } } } } },
    }),
    prisma.tradeEvent.count({ where }),
  ]);
  return { rows, total };
}

/** For the home page and product pages: the next published events. */
export async function listUpcomingPublicEvents(limit: number) {
  return prisma.tradeEvent.findMany({
    where: { status: "PUBLISHED", endsOn: { gte: vietnamToday() } },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    take: Math.max(1, Math.min(limit, 50)),
    select: publicEventCard,
  });
}

export async function sitemapEvents() {
  return prisma.tradeEvent.findMany({ where: { status: "PUBLISHED" }, orderBy: { startsOn: "desc" }, take: 5000, select: { slug: true, updatedAt: true } });
}

/**
 * An event's public page: a published (or cancelled, so a shared link explains itself) event,
 * its confirmed participants and, of their products, those the catalogue lists today.
 */
export async function findPublicEvent(slug: string) {
  return prisma.tradeEvent.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: {
      ...eventView,
      participants: {
        where: { status: "CONFIRMED" },
        orderBy: { producer: { name: "asc" } },
        select: {
          id: true,
          booths: true,
          producer: { select: { name: true, ward: { select: { name: true } } } },
          products: { where: listedWhere(vietnamDateOf(new Date())), orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, star: true, coverPhotoId: true } },
        },
      },
    },
  });
}
