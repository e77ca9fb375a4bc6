// Step 6, fairs and events: the office publishes an event, producers register their own listed
// products, the office confirms within the booths (under the event's row lock), producers
// withdraw, and the results are recorded after the event. Everything goes through the actions.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { decideParticipant, recordEventResults, registerForEvent, saveEvent, transitionEvent, withdrawFromEvent } from "@/lib/actions/events";
import { countEventRegistrationsWaiting, findPublicEvent, listEventQueue, listUpcomingPublicEvents, sitemapEvents } from "@/lib/db/events";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { MESSAGES } from "@/lib/i18n/messages";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
const today = vietnamDateOf(new Date());
const day = (n: number) => addDays(today, n);

/** A catalogue product of the producer whose certificate was issued on `issuedOn` (the trigger copies its state). */
async function catalogueProduct(producerId: string, name: string, issuedOn = day(-100)) {
  const { certificate } = await issuedCertificate({ producerId, issuedOn, productName: name });
  const product = await db.product.create({
    data: { slug: `${name.toLowerCase().replace(/\s+/g, "-")}-${randomUUID().slice(0, 6)}`, producerId, name, criteriaSetNo: certificate.criteriaSetNo },
  });
  await db.certificate.update({ where: { id: certificate.id }, data: { productId: product.id } });
  return db.product.findUniqueOrThrow({ where: { id: product.id } });
}

type Product = Awaited<ReturnType<typeof catalogueProduct>>;
let ownA: Product[];
let expiredA: Product;
let ownB: Product;

function eventInput(over: Record<string, unknown> = {}) {
  return {
    name: `Hội chợ OCOP thử nghiệm ${randomUUID().slice(0, 6)}`,
    kind: "FAIR",
    level: "PROVINCIAL",
    startsOn: day(20),
    endsOn: day(23),
    place: "Quảng trường 19/8, phường Đức Xuân",
    organiser: "Sở Công Thương tỉnh Bắc Kạn",
    boothCapacity: "10",
    registrationClosesOn: day(10),
    description: "Hội chợ giới thiệu sản phẩm OCOP và nông sản tiêu biểu.",
    ...over,
  };
}

/** An event created and published by the office. */
async function publishedEvent(over: Record<string, unknown> = {}) {
  actAs(w.economicOffice);
  const { eventId } = ok(await saveEvent(eventInput(over)));
  ok(await transitionEvent({ eventId, action: "publish" }));
  actAs(null);
  return eventId;
}

async function register(as: Actor, eventId: string, productIds: string[], booths = 1) {
  actAs(as);
  const r = await registerForEvent({ eventId, productIds, booths: String(booths), note: "" });
  actAs(null);
  return r;
}

const participantOf = (eventId: string, producerId: string) => db.eventParticipant.findUniqueOrThrow({ where: { eventId_producerId: { eventId, producerId } }, include: { products: true } });

beforeAll(async () => {
  w = await makeWorld();
  ownA = [await catalogueProduct(w.producerA.id, "Tinh bột nghệ nếp đỏ"), await catalogueProduct(w.producerA.id, "Trà giảo cổ lam")];
  // Recognised four years ago: its certificate (36 months) has expired, so it is not listed.
  expiredA = await catalogueProduct(w.producerA.id, "Miến dong cũ", addDays(today, -4 * 366));
  ownB = await catalogueProduct(w.producerB.id, "Mật ong rừng");
});
beforeEach(() => actAs(null));

describe("the office creates and publishes events", () => {
  it("checks the dates and tells producers when registration opens", async () => {
    actAs(w.economicOffice);
    const bad = await saveEvent(eventInput({ endsOn: day(19), registrationClosesOn: day(21) }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.code).toBe("VALIDATION");
      expect(bad.fieldErrors?.endsOn).toEqual(["eventform.endBeforeStart"]);
      expect(bad.fieldErrors?.registrationClosesOn).toEqual(["eventform.closesAfterStart"]);
    }
    const { eventId, slug } = ok(await saveEvent(eventInput()));
    expect(slug).toMatch(/^hoi-cho-ocop-thu-nghiem-[a-z0-9]+-[0-9a-f]{6}$/);
    // A draft is the office's: not public, not open to producers.
    expect(await findPublicEvent(slug)).toBeNull();
    ok(await transitionEvent({ eventId, action: "publish" }));
    expect(await notifiedUsers("eventNotices.opened", `/manage/events/${eventId}`)).toEqual(expect.arrayContaining([w.producerUserA.userId, w.producerUserB.userId]));
    expect(await findPublicEvent(slug)).not.toBeNull();
    expect((await listUpcomingPublicEvents(50)).map((e) => e.id)).toContain(eventId);
    expect((await sitemapEvents()).map((e) => e.slug)).toContain(slug);
    const again = await transitionEvent({ eventId, action: "publish" });
    expect(again).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("is the office's desk alone: a council member and a leader cannot create or publish", async () => {
    const eventId = await publishedEvent();
    for (const who of [w.council, w.leader, w.producerUserA, w.wardOfficerA]) {
      actAs(who);
      expect(await saveEvent(eventInput())).toMatchObject({ ok: false });
      const cancel = await transitionEvent({ eventId, action: "cancel" });
      expect(cancel.ok).toBe(false);
      if (!cancel.ok) expect(["FORBIDDEN", "NOT_FOUND"]).toContain(cancel.code);
    }
    expect((await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("PUBLISHED");
  });
});

describe("producers register their own listed products", () => {
  it("registers with its own products, the producer taken from the session (a forged one is ignored)", async () => {
    const eventId = await publishedEvent();
    actAs(w.producerUserA);
    const r = await registerForEvent({ eventId, productIds: ownA.map((p) => p.id), booths: "2", note: "Cần tủ mát", producerId: w.producerB.id });
    const { participantId } = ok(r);
    const p = await participantOf(eventId, w.producerA.id);
    expect(p.id).toBe(participantId);
    expect(p.status).toBe("REGISTERED");
    expect(p.booths).toBe(2);
    expect(p.products.map((x) => x.id).sort()).toEqual(ownA.map((x) => x.id).sort());
    expect(await db.eventParticipant.count({ where: { eventId, producerId: w.producerB.id } })).toBe(0);
    expect(await notifiedUsers("eventNotices.registered", `/manage/events/${eventId}`)).toContain(w.economicOffice.userId);
    expect(await countEventRegistrationsWaiting()).toBeGreaterThanOrEqual(1);
  });

  it("refuses another producer's product and its own unlisted product", async () => {
    const eventId = await publishedEvent();
    for (const productIds of [[ownA[0]!.id, ownB.id], [expiredA.id]]) {
      const r = await register(w.producerUserA, eventId, productIds);
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { productIds: ["eventform.productNotOwn"] } });
    }
    expect(await db.eventParticipant.count({ where: { eventId } })).toBe(0);
  });

  it("refuses a registration after the closing date, in Vietnamese", async () => {
    const eventId = await publishedEvent({ startsOn: day(5), endsOn: day(6), registrationClosesOn: day(-1) });
    const r = await register(w.producerUserA, eventId, [ownA[0]!.id]);
    expect(r).toMatchObject({ ok: false, code: "INVALID_TRANSITION", fieldErrors: { _: ["eventform.registrationClosed"] } });
    expect(MESSAGES.vi.eventform.registrationClosed).toMatch(/hết hạn đăng ký/);
  });

  it("refuses an account without a producer (a ward officer) and hides drafts from producers", async () => {
    const eventId = await publishedEvent();
    expect(await register(w.wardOfficerA, eventId, [ownA[0]!.id])).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    const { eventId: draftId } = ok(await saveEvent(eventInput()));
    expect(await register(w.producerUserA, draftId, [ownA[0]!.id])).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("asks no more booths than the event has", async () => {
    const eventId = await publishedEvent({ boothCapacity: "3" });
    expect(await register(w.producerUserA, eventId, [ownA[0]!.id], 4)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { booths: ["eventform.boothsOverCapacity"] } });
  });
});

describe("the office confirms within the booths", () => {
  it("confirms up to the capacity and refuses the registration beyond it", async () => {
    const eventId = await publishedEvent({ boothCapacity: "3" });
    ok(await register(w.producerUserA, eventId, [ownA[0]!.id], 2));
    ok(await register(w.producerUserB, eventId, [ownB.id], 2));
    const a = await participantOf(eventId, w.producerA.id);
    const b = await participantOf(eventId, w.producerB.id);
    actAs(w.economicOffice);
    ok(await decideParticipant({ participantId: a.id, decision: "confirm", note: "Gian số 12" }));
    expect(await decideParticipant({ participantId: b.id, decision: "confirm" })).toMatchObject({ ok: false, fieldErrors: { _: ["eventform.capacityFull"] } });
    expect((await participantOf(eventId, w.producerB.id)).status).toBe("REGISTERED");
    expect(await notifiedUsers("eventNotices.confirmed", `/manage/events/${eventId}`)).toEqual([w.producerUserA.userId]);
    // A capacity below the confirmed booths is refused too.
    const event = await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } });
    const shrink = await saveEvent({ ...eventInput({ boothCapacity: "1" }), eventId, version: event.version });
    expect(shrink).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { boothCapacity: ["eventform.capacityBelowConfirmed"] } });
    // Declining tells the producer why.
    ok(await decideParticipant({ participantId: b.id, decision: "decline", note: "Hết gian hàng" }));
    expect(await notifiedUsers("eventNotices.declined", `/manage/events/${eventId}`)).toEqual([w.producerUserB.userId]);
    expect(await register(w.producerUserB, eventId, [ownB.id], 1)).toMatchObject({ ok: false, fieldErrors: { _: ["eventform.declined"] } });
  });

  it("lets exactly one of two confirmations at once take the last booths", async () => {
    // Several rounds: without the event's row lock, two transactions reading the confirmed
    // booths at the same moment would both pass the check.
    for (let round = 0; round < 4; round++) {
      const eventId = await publishedEvent({ boothCapacity: "3" });
      ok(await register(w.producerUserA, eventId, [ownA[1]!.id], 2));
      ok(await register(w.producerUserB, eventId, [ownB.id], 2));
      const ids = [(await participantOf(eventId, w.producerA.id)).id, (await participantOf(eventId, w.producerB.id)).id];
      actAs(w.economicOffice);
      const results = await Promise.all(ids.map((participantId) => decideParticipant({ participantId, decision: "confirm" })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ fieldErrors: { _: ["eventform.capacityFull"] } });
      const confirmed = await db.eventParticipant.aggregate({ where: { eventId, status: "CONFIRMED" }, _sum: { booths: true } });
      expect(confirmed._sum.booths).toBe(2);
    }
  });

  it("lists the events with registrations waiting first", async () => {
    const quiet = await publishedEvent({ startsOn: day(2), endsOn: day(3), registrationClosesOn: day(1) });
    const busy = await publishedEvent({ startsOn: day(60), endsOn: day(61), registrationClosesOn: day(50) });
    ok(await register(w.producerUserA, busy, [ownA[0]!.id]));
    actAs(w.economicOffice);
    const { rows } = await listEventQueue(w.economicOffice, {});
    const firstQuiet = rows.findIndex((r) => r.id === quiet);
    const busyAt = rows.findIndex((r) => r.id === busy);
    expect(busyAt).toBeGreaterThanOrEqual(0);
    expect(rows.slice(0, busyAt + 1).every((r) => r.waiting > 0)).toBe(true);
    expect(firstQuiet === -1 || firstQuiet > busyAt).toBe(true);
    expect(rows.find((r) => r.id === busy)).toMatchObject({ waiting: 1, confirmedBooths: 0, startsOn: new Date(`${day(60)}T00:00:00Z`) });
  });
});

describe("withdrawing and cancelling", () => {
  it("lets a producer withdraw its own registration before the event, freeing the booths", async () => {
    const eventId = await publishedEvent({ boothCapacity: "2" });
    ok(await register(w.producerUserA, eventId, [ownA[0]!.id], 2));
    ok(await register(w.producerUserB, eventId, [ownB.id], 2));
    const a = await participantOf(eventId, w.producerA.id);
    const b = await participantOf(eventId, w.producerB.id);
    actAs(w.economicOffice);
    ok(await decideParticipant({ participantId: a.id, decision: "confirm" }));
    actAs(w.producerUserB);
    expect(await withdrawFromEvent({ participantId: a.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.producerUserA);
    ok(await withdrawFromEvent({ participantId: a.id }));
    expect((await participantOf(eventId, w.producerA.id)).status).toBe("WITHDRAWN");
    expect(await notifiedUsers("eventNotices.withdrawn", `/manage/events/${eventId}`)).toContain(w.economicOffice.userId);
    actAs(w.economicOffice);
    ok(await decideParticipant({ participantId: b.id, decision: "confirm" }));
    // Registering again after withdrawing puts the producer back in the queue.
    ok(await register(w.producerUserA, eventId, [ownA[1]!.id], 1));
    const again = await participantOf(eventId, w.producerA.id);
    expect(again.status).toBe("REGISTERED");
    expect(again.products.map((p) => p.id)).toEqual([ownA[1]!.id]);
  });

  it("tells registered producers when an event is cancelled", async () => {
    const eventId = await publishedEvent();
    ok(await register(w.producerUserA, eventId, [ownA[0]!.id]));
    actAs(w.economicOffice);
    ok(await transitionEvent({ eventId, action: "cancel", comment: "Ban tổ chức hoãn hội chợ" }));
    expect(await notifiedUsers("eventNotices.cancelled", `/manage/events/${eventId}`)).toEqual([w.producerUserA.userId]);
    expect(await register(w.producerUserA, eventId, [ownA[0]!.id])).toMatchObject({ ok: false, fieldErrors: { _: ["eventform.registrationClosed"] } });
  });
});

describe("results", () => {
  it("are recorded after the event, money typed the Vietnamese way, and shown on the public page", async () => {
    const eventId = await publishedEvent({ boothCapacity: "5" });
    ok(await register(w.producerUserA, eventId, [ownA[0]!.id], 1));
    const a = await participantOf(eventId, w.producerA.id);
    actAs(w.economicOffice);
    ok(await decideParticipant({ participantId: a.id, decision: "confirm" }));
    const early = await recordEventResults({ eventId, version: (await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } })).version, visitorCount: "", salesVnd: "", contractsSigned: "", resultNote: "" });
    expect(early).toMatchObject({ ok: false, fieldErrors: { _: ["eventform.resultsBeforeEnd"] } });
    // The fair took place: the office moves it to the days it was actually held.
    let event = await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } });
    ok(await saveEvent({ ...eventInput({ name: event.name, startsOn: day(-3), endsOn: day(-1), registrationClosesOn: day(-4), boothCapacity: "5" }), eventId, version: event.version }));
    event = await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } });
    ok(
      await recordEventResults({
        eventId,
        version: event.version,
        visitorCount: "12000",
        salesVnd: "1,5 tỷ",
        contractsSigned: "7",
        resultNote: "Nhiều đơn hàng từ Hà Nội",
        participants: [{ participantId: a.id, salesVnd: "200 triệu", contractsSigned: "2" }],
      }),
    );
    const saved = await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(saved.salesVnd).toBe(1_500_000_000n);
    expect(saved.visitorCount).toBe(12000);
    expect(saved.contractsSigned).toBe(7);
    expect(saved.resultsRecordedAt).not.toBeNull();
    const mine = await participantOf(eventId, w.producerA.id);
    expect(mine.salesVnd).toBe(200_000_000n);
    expect(mine.contractsSigned).toBe(2);
    // A stale version is a conflict, not a silent overwrite.
    expect(await recordEventResults({ eventId, version: event.version, visitorCount: "1", salesVnd: "", contractsSigned: "", resultNote: "" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const unreadable = await recordEventResults({ eventId, version: saved.version, visitorCount: "", salesVnd: "1.5.00", contractsSigned: "", resultNote: "" });
    expect(unreadable).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { salesVnd: ["validation.money"] } });
    const pub = await findPublicEvent(saved.slug);
    expect(pub?.salesVnd).toBe(1_500_000_000n);
    expect(pub?.participants.map((p) => p.producer.name)).toEqual([w.producerA.name]);
    expect(pub?.participants[0]?.products.map((p) => p.slug)).toEqual([ownA[0]!.slug]);
  });

  it("shows the public only confirmed producers and their products still listed", async () => {
    const eventId = await publishedEvent();
    ok(await register(w.producerUserA, eventId, [ownA[0]!.id]));
    ok(await register(w.producerUserB, eventId, [ownB.id]));
    const b = await participantOf(eventId, w.producerB.id);
    actAs(w.economicOffice);
    ok(await decideParticipant({ participantId: b.id, decision: "confirm" }));
    const { slug } = await db.tradeEvent.findUniqueOrThrow({ where: { id: eventId } });
    const pub = await findPublicEvent(slug);
    expect(pub?.participants.map((p) => p.producer.name)).toEqual([w.producerB.name]);
    // The product's certificate is revoked: it leaves the event's public page at once.
    await db.certificate.updateMany({ where: { productId: ownB.id }, data: { status: "REVOKED" } });
    expect((await findPublicEvent(slug))?.participants[0]?.products).toEqual([]);
    await db.certificate.updateMany({ where: { productId: ownB.id }, data: { status: "ACTIVE" } });
  });
});
