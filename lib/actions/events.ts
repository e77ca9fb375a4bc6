"use server";
import { randomBytes } from "node:crypto";
import {
  confirmedBooths,
  eventResource,
  findEvent,
  findOwnProducer,
  findParticipant,
  lockEvent,
  participantResource,
  scheduleOf,
  type EventRecord,
} from "@/lib/db/events";
import { notify } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import type { Tx } from "@/lib/db/tx";
import { productSlug } from "@/lib/domain/catalogue";
import { dateOf, vietnamDateOf } from "@/lib/domain/dates";
import { listedWhere } from "@/lib/db/catalogue";
import {
  canDecideOn,
  canRecordResultsOn,
  canWithdrawOn,
  EVENT_EDITABLE,
  EVENT_MACHINE,
  fitsCapacity,
  isRegistrationOpen,
  PARTICIPANT_MACHINE,
  type EventState,
  type ParticipantState,
} from "@/lib/domain/events";
import { transition } from "@/lib/domain/workflow/machine";
import { AppError } from "@/lib/errors";
import {
  eventFormSchema,
  eventRegistrationSchema,
  eventResultsSchema,
  eventTransitionSchema,
  participantDecisionSchema,
  withdrawParticipationSchema,
} from "@/lib/validation/events";
import { defineAction } from "./define-action";

const today = () => vietnamDateOf(new Date());
/** A refusal the form shows as one sentence (a catalogue key), beside the error's code. */
const refuse = (code: "INVALID_TRANSITION" | "VALIDATION" | "CONFLICT", key: string, field = "_") => new AppError(code, key, { [field]: [key] });
const deskHref = (id: string) => `/manage/events/${id}`;
// BigInt does not survive JSON: the audit log keeps đồng as digits.
const auditable = (e: EventRecord) => ({ ...e, salesVnd: e.salesVnd?.toString() ?? null });
const NEW_EVENT = { type: "tradeEvent", id: "", status: "DRAFT" } as const;

/** Producers whose registration is alive (registered or confirmed): they hear about changes. */
async function activeParticipantProducers(tx: Tx, eventId: string) {
  const rows = await tx.eventParticipant.findMany({ where: { eventId, status: { in: ["REGISTERED", "CONFIRMED"] } }, select: { producerId: true } });
  return rows.map((r) => ({ kind: "producer" as const, producerId: r.producerId }));
}

type LoadedEvent = { kind: "new" } | { kind: "existing"; event: EventRecord };

export const saveEvent = defineAction({
  name: "event.save",
  input: eventFormSchema,
  permission: "event.manage",
  load: async ({ actor, input, tx }): Promise<LoadedEvent | null> => {
    if (!input.eventId) return { kind: "new" };
    const event = await findEvent(actor, input.eventId, tx);
    return event ? { kind: "existing", event } : null;
  },
  resource: (l) => (l.kind === "new" ? NEW_EVENT : eventResource(l.event)),
  run: async ({ actor, input, record, tx }) => {
    const data = {
      name: input.name,
      kind: input.kind,
      level: input.level,
      startsOn: dateOf(input.startsOn),
      endsOn: dateOf(input.endsOn),
      place: input.place,
      organiser: input.organiser,
      boothCapacity: input.boothCapacity,
      registrationClosesOn: input.registrationClosesOn ? dateOf(input.registrationClosesOn) : null,
      description: input.description,
    };
    if (record.kind === "new") {
      const created = await tx.tradeEvent.create({
        data: { ...data, slug: productSlug(input.name, randomBytes(3).toString("hex")), createdById: actor.userId },
        select: { id: true, slug: true, version: true },
      });
      await recordStatusChange(tx, actor, { entityType: "TradeEvent", entityId: created.id, action: "create", fromStatus: null, toStatus: "DRAFT" });
      return { result: { eventId: created.id, slug: created.slug, version: created.version }, audit: { entityType: "TradeEvent", entityId: created.id, after: input } };
    }
    const before = record.event;
    if (!EVENT_EDITABLE.includes(before.status as EventState)) throw new AppError("INVALID_TRANSITION");
    if (input.version !== before.version) throw new AppError("CONFLICT");
    // Under the event's lock a confirmation cannot slip in between the check and the update.
    await lockEvent(tx, before.id);
    if (input.boothCapacity < (await confirmedBooths(tx, before.id))) throw refuse("VALIDATION", "eventform.capacityBelowConfirmed", "boothCapacity");
    const { count } = await tx.tradeEvent.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    const moved = before.startsOn.getTime() !== data.startsOn.getTime() || before.endsOn.getTime() !== data.endsOn.getTime() || before.place !== data.place;
    if (before.status === "PUBLISHED" && moved) {
      await notify(tx, actor, await activeParticipantProducers(tx, before.id), { kind: "eventNotices.changed", params: { name: data.name }, href: deskHref(before.id) });
    }
    return {
      result: { eventId: before.id, slug: before.slug, version: before.version + 1 },
      audit: { entityType: "TradeEvent", entityId: before.id, before: auditable(before), after: input },
    };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId), "/events", `/events/${r.slug}`],
});

export const transitionEvent = defineAction({
  name: "event.transition",
  input: eventTransitionSchema,
  permission: "event.manage",
  load: ({ actor, input, tx }) => findEvent(actor, input.eventId, tx),
  resource: eventResource,
  run: async ({ actor, input, record, tx }) => {
    const from = record.status as EventState;
    const to = transition(EVENT_MACHINE, from, input.action);
    if (!to) throw new AppError("INVALID_TRANSITION");
    // Registrations and confirmations take the same lock, so a cancellation waits for them (and
    // its notice reaches them) or they see it.
    await lockEvent(tx, record.id);
    const { count } = await tx.tradeEvent.updateMany({ where: { id: record.id, status: from, version: record.version }, data: { status: to, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "TradeEvent", entityId: record.id, action: input.action, fromStatus: from, toStatus: to, comment: input.comment });
    if (input.action === "publish" && isRegistrationOpen({ ...scheduleOf(record), status: to }, today())) {
      await notify(tx, actor, [{ kind: "role", role: "PRODUCER" }], { kind: "eventNotices.opened", params: { name: record.name }, href: deskHref(record.id) });
    }
    if (input.action === "cancel") {
      await notify(tx, actor, await activeParticipantProducers(tx, record.id), { kind: "eventNotices.cancelled", params: { name: record.name }, href: deskHref(record.id) });
    }
    return {
      result: { eventId: record.id, slug: record.slug, status: to },
      audit: { entityType: "TradeEvent", entityId: record.id, before: { status: from }, after: { status: to, comment: input.comment } },
    };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId), "/events", `/events/${r.slug}`],
});

type RegistrationTarget = { event: EventRecord; producer: { id: string; name: string; wardId: string } | null };

/**
 * A producer registers (or changes its waiting registration, or registers again after
 * withdrawing) with some of its own listed products. The producer is the session's, never the
 * form's; a product that is not its own, or not listed today, refuses the whole registration.
 */
export const registerForEvent = defineAction({
  name: "event.register",
  input: eventRegistrationSchema,
  permission: "event.register",
  load: async ({ actor, input, tx }): Promise<RegistrationTarget | null> => {
    const event = await findEvent(actor, input.eventId, tx);
    return event ? { event, producer: await findOwnProducer(actor, tx) } : null;
  },
  resource: (r) => ({ type: "producer", id: r.producer?.id ?? "", wardId: r.producer?.wardId ?? "" }),
  run: async ({ actor, input, record: { event, producer }, tx }) => {
    if (!producer) throw new AppError("FORBIDDEN");
    const now = await lockEvent(tx, event.id);
    if (!isRegistrationOpen(scheduleOf(now), today())) throw refuse("INVALID_TRANSITION", "eventform.registrationClosed");
    if (input.booths > now.boothCapacity) throw refuse("VALIDATION", "eventform.boothsOverCapacity", "booths");
    const wanted = [...new Set(input.productIds)];
    const own = await tx.product.findMany({ where: { AND: [{ id: { in: wanted } }, { producerId: producer.id }, listedWhere(vietnamDateOf(new Date()))] }, select: { id: true } });
    if (own.length !== wanted.length) throw refuse("VALIDATION", "eventform.productNotOwn", "productIds");
    const products = own.map((p) => ({ id: p.id }));
    const existing = await tx.eventParticipant.findUnique({ where: { eventId_producerId: { eventId: event.id, producerId: producer.id } }, select: { id: true, status: true, version: true } });
    let participantId: string;
    if (!existing) {
      participantId = (
        await tx.eventParticipant.create({
          data: { eventId: event.id, producerId: producer.id, booths: input.booths, note: input.note, products: { connect: products } },
          select: { id: true },
        })
      ).id;
      await recordStatusChange(tx, actor, { entityType: "EventParticipant", entityId: participantId, action: "register", fromStatus: null, toStatus: "REGISTERED" });
    } else {
      const from = existing.status as ParticipantState;
      if (from === "CONFIRMED") throw refuse("INVALID_TRANSITION", "eventform.alreadyConfirmed");
      if (from === "DECLINED") throw refuse("INVALID_TRANSITION", "eventform.declined");
      // A waiting registration is changed in place; a withdrawn one comes back to the queue.
      const to: ParticipantState = from === "WITHDRAWN" ? transition(PARTICIPANT_MACHINE, from, "register")! : from;
      const { count } = await tx.eventParticipant.updateMany({
        where: { id: existing.id, status: from, version: existing.version },
        data: { status: to, booths: input.booths, note: input.note, decisionNote: "", decidedAt: null, decidedById: null, version: { increment: 1 } },
      });
      if (count !== 1) throw new AppError("CONFLICT");
      await tx.eventParticipant.update({ where: { id: existing.id }, data: { products: { set: products } } });
      if (from !== to) await recordStatusChange(tx, actor, { entityType: "EventParticipant", entityId: existing.id, action: "register", fromStatus: from, toStatus: to });
      participantId = existing.id;
    }
    await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }], {
      kind: "eventNotices.registered",
      params: { name: event.name, producer: producer.name },
      href: deskHref(event.id),
    });
    return {
      result: { eventId: event.id, participantId },
      audit: { entityType: "EventParticipant", entityId: participantId, before: existing, after: { eventId: event.id, producerId: producer.id, booths: input.booths, note: input.note, productIds: wanted } },
    };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId)],
});

/**
 * The office confirms or declines a registration. Confirming takes the event's row lock first
 * and counts the confirmed booths after it, so two confirmations at once take turns and the
 * second sees the first's booths: the total never passes the capacity.
 */
export const decideParticipant = defineAction({
  name: "event.decideParticipant",
  input: participantDecisionSchema,
  permission: "event.manage",
  load: ({ actor, input, tx }) => findParticipant(actor, input.participantId, tx),
  resource: (p) => eventResource(p.event),
  run: async ({ actor, input, record: p, tx }) => {
    const now = await lockEvent(tx, p.eventId);
    if (!canDecideOn(scheduleOf(now), today())) throw refuse("INVALID_TRANSITION", "eventform.eventOver");
    const from = p.status as ParticipantState;
    const to = transition(PARTICIPANT_MACHINE, from, input.decision);
    if (!to) throw new AppError("INVALID_TRANSITION");
    if (input.decision === "confirm" && !fitsCapacity(now.boothCapacity, await confirmedBooths(tx, p.eventId), p.booths)) {
      throw refuse("INVALID_TRANSITION", "eventform.capacityFull");
    }
    const { count } = await tx.eventParticipant.updateMany({
      where: { id: p.id, status: from, version: p.version },
      data: { status: to, decisionNote: input.note, decidedAt: new Date(), decidedById: actor.userId, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "EventParticipant", entityId: p.id, action: input.decision, fromStatus: from, toStatus: to, comment: input.note });
    await notify(tx, actor, [{ kind: "producer", producerId: p.producerId }], {
      kind: input.decision === "confirm" ? "eventNotices.confirmed" : "eventNotices.declined",
      params: { name: p.event.name },
      href: deskHref(p.eventId),
    });
    return {
      result: { eventId: p.eventId, slug: p.event.slug, participantId: p.id, status: to },
      audit: { entityType: "EventParticipant", entityId: p.id, before: { status: from }, after: { status: to, note: input.note } },
    };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId), `/events/${r.slug}`],
});

export const withdrawFromEvent = defineAction({
  name: "event.withdraw",
  input: withdrawParticipationSchema,
  permission: "event.withdraw",
  load: ({ actor, input, tx }) => findParticipant(actor, input.participantId, tx),
  resource: participantResource,
  run: async ({ actor, record: p, tx }) => {
    if (p.event.status !== "PUBLISHED" || !canWithdrawOn(scheduleOf(p.event), today())) throw refuse("INVALID_TRANSITION", "eventform.withdrawClosed");
    const from = p.status as ParticipantState;
    const to = transition(PARTICIPANT_MACHINE, from, "withdraw");
    if (!to) throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.eventParticipant.updateMany({ where: { id: p.id, status: from, version: p.version }, data: { status: to, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "EventParticipant", entityId: p.id, action: "withdraw", fromStatus: from, toStatus: to });
    await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }], {
      kind: "eventNotices.withdrawn",
      params: { name: p.event.name, producer: p.producer.name },
      href: deskHref(p.eventId),
    });
    return { result: { eventId: p.eventId, slug: p.event.slug, status: to }, audit: { entityType: "EventParticipant", entityId: p.id, before: { status: from }, after: { status: to } } };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId), `/events/${r.slug}`],
});

/** After the event: visitors, sales (typed the Vietnamese way), contracts, and each participant's own figures. */
export const recordEventResults = defineAction({
  name: "event.recordResults",
  input: eventResultsSchema,
  permission: "event.manage",
  load: ({ actor, input, tx }) => findEvent(actor, input.eventId, tx),
  resource: eventResource,
  run: async ({ actor, input, record, tx }) => {
    if (!canRecordResultsOn(scheduleOf(record), today())) throw refuse("INVALID_TRANSITION", "eventform.resultsBeforeEnd");
    if (input.version !== record.version) throw new AppError("CONFLICT");
    const confirmed = await tx.eventParticipant.findMany({ where: { eventId: record.id, status: "CONFIRMED" }, select: { id: true } });
    const ids = new Set(confirmed.map((c) => c.id));
    if (input.participants.some((p) => !ids.has(p.participantId))) throw new AppError("NOT_FOUND");
    const { count } = await tx.tradeEvent.updateMany({
      where: { id: record.id, version: record.version, status: "PUBLISHED" },
      data: {
        visitorCount: input.visitorCount,
        salesVnd: input.salesVnd === null ? null : BigInt(input.salesVnd),
        contractsSigned: input.contractsSigned,
        resultNote: input.resultNote,
        resultsRecordedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    // One write per confirmed participant (bounded by the booths), in the same transaction.
    for (const p of input.participants) {
      await tx.eventParticipant.update({
        where: { id: p.participantId },
        data: { salesVnd: p.salesVnd === null ? null : BigInt(p.salesVnd), contractsSigned: p.contractsSigned },
      });
    }
    await recordStatusChange(tx, actor, { entityType: "TradeEvent", entityId: record.id, action: "results", fromStatus: record.status, toStatus: record.status, comment: input.resultNote });
    return {
      result: { eventId: record.id, slug: record.slug, version: record.version + 1 },
      audit: { entityType: "TradeEvent", entityId: record.id, before: auditable(record), after: input },
    };
  },
  revalidate: (r) => ["/manage/events", deskHref(r.eventId), "/events", `/events/${r.slug}`],
});

