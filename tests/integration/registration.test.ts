// Producer self-registration (the parts that run outside a request: registerProducer itself signs
// in, which needs one) and verification by the ward or the Economic Office.
import { randomInt } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { saveIdeaDraft, transitionIdea } from "@/lib/actions/ideas";
import { verifyProducer } from "@/lib/actions/producers";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createRegisteredProducer, findReceivingWard, registrationConflicts } from "@/lib/db/registration";
import { listStatusEvents } from "@/lib/db/timeline";
import { registerProducerSchema, type RegisterProducerInput } from "@/lib/validation/registration";
import { actAs } from "./act-as";
import { completeIdea, extraUser, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let wardOfficerB: Actor;
beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
});
beforeEach(() => actAs(null));

const taxCode = () => String(randomInt(1_000_000_000, 9_999_999_999));

/** The registration form as a visitor fills it. */
function registration(over: Partial<RegisterProducerInput> = {}): RegisterProducerInput {
  return {
    fullName: "Hoàng Thị Lan",
    loginEmail: `Lan.${w.tag}.${randomInt(1e6)}@Example.VN`,
    loginPhone: "",
    password: "Mat-khau-dang-ky-2026",
    passwordConfirm: "Mat-khau-dang-ky-2026",
    type: "COOPERATIVE",
    name: `HTX Nông sản sạch ${w.tag}`,
    businessRegNo: "",
    taxCode: taxCode(),
    legalRepName: "Hoàng Thị Lan",
    legalRepPosition: "Giám đốc",
    legalRepGender: "FEMALE",
    legalRepEthnicity: "Tày",
    address: "Tổ 3, phường Đức Xuân",
    wardId: w.wardA,
    phone: "0912 345 678",
    email: "",
    memberCount: "12",
    workerCount: "",
    ...over,
  };
}

/** What the registration action does in its transaction, minus signing in. */
async function register(raw: RegisterProducerInput) {
  const input = registerProducerSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const conflicts = await registrationConflicts(tx, input);
    if (Object.keys(conflicts).length > 0) return { conflicts };
    const { producer, user } = await createRegisteredProducer(tx, { ...input, passwordHash });
    const actor: Actor = { userId: user.id, role: "PRODUCER", name: user.name, wardId: null, producerId: producer.id };
    return { producer, user, actor };
  });
}

function issuesOf(raw: unknown) {
  const parsed = registerProducerSchema.safeParse(raw);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of parsed.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

describe("the registration schema", () => {
  it("accepts a filled form and normalises it", () => {
    const parsed = registerProducerSchema.parse(registration({ loginEmail: "Chu.The@Example.VN", phone: "+84 912.345.678", businessRegNo: "  " }));
    expect(parsed).toMatchObject({ loginEmail: "chu.the@example.vn", loginPhone: null, phone: "0912345678", memberCount: 12, workerCount: null, businessRegNo: null, email: null });
  });

  it("checks the tax code's shape: 10 digits, or 10-3 for a branch; empty is allowed", () => {
    for (const bad of ["12345", "01012345678", "0101234567-01", "010123456a", "0101 234 567"]) {
      expect(issuesOf(registration({ taxCode: bad }))).toEqual({ taxCode: ["validation.taxCode"] });
    }
    for (const good of ["0101234567", "0101234567-001", " 0101234567 "]) expect(issuesOf(registration({ taxCode: good }))).toEqual({});
    expect(registerProducerSchema.parse(registration({ taxCode: "" })).taxCode).toBeNull();
  });

  it("refuses a mismatched password confirmation, a short password and a form without any login", () => {
    expect(issuesOf(registration({ passwordConfirm: "Mat-khau-khac-2026" }))).toEqual({ passwordConfirm: ["validation.passwordMismatch"] });
    expect(issuesOf(registration({ password: "ngan", passwordConfirm: "ngan" }))).toEqual({ password: ["validation.passwordTooShort"] });
    expect(issuesOf(registration({ loginEmail: "", loginPhone: "" }))).toEqual({ loginEmail: ["validation.loginRequired"] });
    expect(issuesOf(registration({ legalRepGender: "X" as never, wardId: "" }))).toMatchObject({ legalRepGender: ["validation.choose"] });
  });

  it("a word in the number of members is refused with validation.number", () => {
    expect(issuesOf(registration({ memberCount: "mười hai" }))).toEqual({ memberCount: ["validation.number"] });
  });
});

describe("creating a registered producer", () => {
  it("creates a producer awaiting verification and its account, with a password that signs in", async () => {
    const form = registration();
    const created = await register(form);
    if ("conflicts" in created) return expect.fail(JSON.stringify(created.conflicts));
    const producer = await db.producer.findUniqueOrThrow({ where: { id: created.producer.id } });
    expect(producer).toMatchObject({ verificationStatus: "PENDING", verifiedAt: null, wardId: w.wardA, taxCode: form.taxCode, legalRepGender: "FEMALE", legalRepEthnicity: "Tày", memberCount: 12 });
    const user = await db.user.findUniqueOrThrow({ where: { id: created.user.id } });
    expect(user).toMatchObject({ role: "PRODUCER", producerId: producer.id, wardId: null, email: form.loginEmail!.toLowerCase(), isActive: true });
    expect(await verifyPassword(user.passwordHash, form.password)).toBe(true);
    expect(user.passwordHash).not.toContain(form.password);
  });

  it("names each value already taken: tax code, login e-mail (any case), login phone", async () => {
    const first = registration({ loginPhone: `09${randomInt(10_000_000, 99_999_999)}` });
    const created = await register(first);
    expect("conflicts" in created).toBe(false);
    const again = registerProducerSchema.parse(registration({ taxCode: first.taxCode, loginEmail: first.loginEmail!.toUpperCase(), loginPhone: first.loginPhone }));
    expect(await db.$transaction((tx) => registrationConflicts(tx, again))).toEqual({
      taxCode: ["validation.taxCodeTaken"],
      loginEmail: ["validation.emailTaken"],
      loginPhone: ["validation.phoneTaken"],
    });
    const onlyTax = registerProducerSchema.parse(registration({ taxCode: first.taxCode }));
    expect(await db.$transaction((tx) => registrationConflicts(tx, onlyTax))).toEqual({ taxCode: ["validation.taxCodeTaken"] });
    expect(await db.$transaction((tx) => registrationConflicts(tx, registerProducerSchema.parse(registration())))).toEqual({});
    expect(await db.producer.count({ where: { taxCode: first.taxCode } })).toBe(1);
  });

  it("the database itself refuses a second producer with the same tax code (two registrations racing)", async () => {
    const first = registration();
    const input = registerProducerSchema.parse(first);
    await register(first);
    const racing = registerProducerSchema.parse(registration({ taxCode: first.taxCode }));
    await expect(db.$transaction((tx) => createRegisteredProducer(tx, { ...racing, passwordHash: "x" }))).rejects.toMatchObject({ code: "P2002" });
    expect(await db.producer.count({ where: { taxCode: input.taxCode } })).toBe(1);
  });

  it("only a ward or commune can receive a producer", async () => {
    const city = await db.adminUnit.findUniqueOrThrow({ where: { code: "058" } });
    expect(await db.$transaction((tx) => findReceivingWard(tx, w.wardA))).toMatchObject({ id: w.wardA, name: "Phường Đức Xuân" });
    expect(await db.$transaction((tx) => findReceivingWard(tx, city.id))).toBeNull();
    expect(await db.$transaction((tx) => findReceivingWard(tx, "khong-co-xa-nay"))).toBeNull();
  });
});

describe("verifying a registered producer", () => {
  let pending: { producerId: string; actor: Actor };
  let ideaId: string;

  beforeAll(async () => {
    const created = await register(registration({ name: `HTX Chờ xác minh ${w.tag}` }));
    if ("conflicts" in created) throw new Error(JSON.stringify(created.conflicts));
    pending = { producerId: created.producer.id, actor: created.actor };
  });

  it("while waiting the producer drafts but cannot submit", async () => {
    actAs(pending.actor);
    ideaId = ok(await saveIdeaDraft(completeIdea("Mơ muối Chợ Đồn"))).ideaId;
    expect(await transitionIdea({ ideaId, action: "submit" })).toEqual({ ok: false, code: "PRODUCER_NOT_VERIFIED" });
  });

  it("another ward's officer and council members get NOT_FOUND; a leader or the producer itself FORBIDDEN", async () => {
    for (const [actor, code] of [
      [wardOfficerB, "NOT_FOUND"],
      [w.council, "NOT_FOUND"],
      [w.producerUserB, "NOT_FOUND"],
      [w.leader, "FORBIDDEN"],
      [pending.actor, "FORBIDDEN"],
    ] as const) {
      actAs(actor);
      expect(await verifyProducer({ producerId: pending.producerId, decision: "VERIFIED" })).toEqual({ ok: false, code });
    }
    expect((await db.producer.findUniqueOrThrow({ where: { id: pending.producerId } })).verificationStatus).toBe("PENDING");
    expect(await db.statusEvent.count({ where: { entityId: pending.producerId } })).toBe(0);
  });

  it("a rejection needs a note", async () => {
    actAs(w.wardOfficerA);
    expect(await verifyProducer({ producerId: pending.producerId, decision: "REJECTED" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { note: ["workflow.commentRequired"] } });
    expect((await db.producer.findUniqueOrThrow({ where: { id: pending.producerId } })).verificationStatus).toBe("PENDING");
  });

  it("the ward officer of its ward verifies it: timeline, notification to its users, audit; then it can submit", async () => {
    actAs(w.wardOfficerA);
    expect(ok(await verifyProducer({ producerId: pending.producerId, decision: "VERIFIED" }))).toEqual({ producerId: pending.producerId, status: "VERIFIED" });
    const producer = await db.producer.findUniqueOrThrow({ where: { id: pending.producerId } });
    expect(producer.verificationStatus).toBe("VERIFIED");
    expect(producer.verifiedAt).toBeInstanceOf(Date);
    const events = await listStatusEvents({ entityType: "Producer", id: pending.producerId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "verify", fromStatus: "PENDING", toStatus: "VERIFIED", actorName: w.wardOfficerA.name, actorRole: "WARD_OFFICER" });
    expect(await notifiedUsers("producerVerified", `/producers/${pending.producerId}`)).toEqual([pending.actor.userId]);
    expect(await db.auditEntry.findFirst({ where: { action: "producer.verify", entityId: pending.producerId } })).toMatchObject({
      actorId: w.wardOfficerA.userId,
      before: { verificationStatus: "PENDING" },
      after: { verificationStatus: "VERIFIED" },
    });
    expect(await verifyProducer({ producerId: pending.producerId, decision: "VERIFIED" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });

    actAs(pending.actor);
    expect(ok(await transitionIdea({ ideaId, action: "submit" }))).toEqual({ ideaId, status: "SUBMITTED" });
  });

  it("the Economic Office may decide for any ward, e.g. reject with a note", async () => {
    const created = await register(registration({ name: `HTX Xã B ${w.tag}`, wardId: w.wardB }));
    if ("conflicts" in created) return expect.fail(JSON.stringify(created.conflicts));
    actAs(w.economicOffice);
    ok(await verifyProducer({ producerId: created.producer.id, decision: "REJECTED", note: "Mã số thuế không khớp giấy phép" }));
    expect(await db.producer.findUniqueOrThrow({ where: { id: created.producer.id } })).toMatchObject({ verificationStatus: "REJECTED", verificationNote: "Mã số thuế không khớp giấy phép", verifiedAt: null });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: created.user.id, kind: "producerRejected" } });
    expect(notice.params).toMatchObject({ note: "Mã số thuế không khớp giấy phép" });
  });
});
