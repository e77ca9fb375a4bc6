import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updateProducerContact } from "@/lib/actions/producers";
import { endUserSessions, setUserActive } from "@/lib/actions/users";
import { actAs } from "./act-as";
import { db, makeWorld } from "./world";

let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  w = await makeWorld();
});
beforeEach(() => actAs(null));

const versionOf = async (id: string) => (await db.producer.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
const auditOf = (entityId: string) => db.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("the action path: parse → session → scope → can → transaction with audit", () => {
  it("a producer updates its own contact details, with an audit entry of before and after", async () => {
    actAs(w.producerUserA);
    const result = await updateProducerContact({ producerId: w.producerA.id, version: await versionOf(w.producerA.id), address: "Tổ 5, phường Đức Xuân", phone: "0912 345 678", email: "HTX@Example.vn" });
    expect(result).toMatchObject({ ok: true, data: { producerId: w.producerA.id } });
    const saved = await db.producer.findUniqueOrThrow({ where: { id: w.producerA.id } });
    expect(saved).toMatchObject({ address: "Tổ 5, phường Đức Xuân", phone: "0912345678", email: "htx@example.vn" });
    const audit = await auditOf(w.producerA.id);
    expect(audit.at(-1)).toMatchObject({ action: "producer.updateContact", actorId: w.producerUserA.userId, actorRole: "PRODUCER" });
    expect(audit.at(-1)!.after).toMatchObject({ phone: "0912345678" });
  });

  it("another producer's record answers NOT_FOUND and changes nothing", async () => {
    actAs(w.producerUserA);
    const before = await db.producer.findUniqueOrThrow({ where: { id: w.producerB.id } });
    const result = await updateProducerContact({ producerId: w.producerB.id, version: await versionOf(w.producerB.id), address: "Địa chỉ giả mạo 123", phone: "", email: "" });
    expect(result).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await db.producer.findUniqueOrThrow({ where: { id: w.producerB.id } })).toEqual(before);
    expect(await auditOf(w.producerB.id)).toHaveLength(0);
  });

  it("a ward officer can edit in their ward, not in another", async () => {
    actAs(w.wardOfficerA);
    expect((await updateProducerContact({ producerId: w.producerA.id, version: await versionOf(w.producerA.id), address: "Tổ 7, phường Đức Xuân", phone: "", email: "" })).ok).toBe(true);
    expect(await updateProducerContact({ producerId: w.producerB.id, version: await versionOf(w.producerB.id), address: "Tổ 7, xã Nông Thượng", phone: "", email: "" })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("a leader who may read but not edit gets FORBIDDEN", async () => {
    actAs(w.leader);
    expect(await updateProducerContact({ producerId: w.producerA.id, version: await versionOf(w.producerA.id), address: "Tổ 9, phường Đức Xuân", phone: "", email: "" })).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("bad input is refused with field messages before anything is read", async () => {
    actAs(w.producerUserA);
    const result = await updateProducerContact({ producerId: w.producerA.id, version: await versionOf(w.producerA.id), address: "x", phone: "12345", email: "not-an-email" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors).toMatchObject({ address: ["validation.addressTooShort"], phone: ["validation.phone"], email: ["validation.email"] });
  });

  it("without a session the answer is UNAUTHENTICATED", async () => {
    expect(await updateProducerContact({ producerId: w.producerA.id, version: await versionOf(w.producerA.id), address: "Tổ 5, phường Đức Xuân", phone: "", email: "" })).toEqual({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("two saves from the same version: exactly one wins, the other is a CONFLICT with no audit entry", async () => {
    actAs(w.producerUserA);
    const countBefore = (await auditOf(w.producerA.id)).length;
    const version = await versionOf(w.producerA.id);
    const results = await Promise.all([
      updateProducerContact({ producerId: w.producerA.id, version, address: "Song song 1, Đức Xuân", phone: "", email: "" }),
      updateProducerContact({ producerId: w.producerA.id, version, address: "Song song 2, Đức Xuân", phone: "", email: "" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "CONFLICT" }]);
    // Only committed changes leave an audit entry: the transaction that lost wrote nothing.
    expect((await auditOf(w.producerA.id)).length - countBefore).toBe(1);
  });

  it("a form filled before someone else's save is a CONFLICT, not an overwrite", async () => {
    actAs(w.producerUserA);
    const stale = await versionOf(w.producerA.id);
    actAs(w.wardOfficerA);
    expect((await updateProducerContact({ producerId: w.producerA.id, version: stale, address: "Cán bộ sửa, Đức Xuân", phone: "", email: "" })).ok).toBe(true);
    actAs(w.producerUserA);
    expect(await updateProducerContact({ producerId: w.producerA.id, version: stale, address: "Chủ thể sửa, Đức Xuân", phone: "", email: "" })).toEqual({ ok: false, code: "CONFLICT" });
    expect((await db.producer.findUniqueOrThrow({ where: { id: w.producerA.id } })).address).toBe("Cán bộ sửa, Đức Xuân");
  });
});

describe("ending sessions and locking accounts", () => {
  it("an administrator ends another user's sessions by bumping their session version", async () => {
    actAs(w.admin);
    const before = await db.user.findUniqueOrThrow({ where: { id: w.leader.userId } });
    expect(await endUserSessions({ userId: w.leader.userId })).toEqual({ ok: true, data: { userId: w.leader.userId } });
    const after = await db.user.findUniqueOrThrow({ where: { id: w.leader.userId } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await auditOf(w.leader.userId)).at(-1)).toMatchObject({ action: "user.endSessions" });
  });

  it("an administrator cannot lock themselves out", async () => {
    actAs(w.admin);
    expect(await setUserActive({ userId: w.admin.userId, isActive: false })).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("no other role can end sessions; other users' records answer NOT_FOUND", async () => {
    actAs(w.economicOffice);
    expect(await endUserSessions({ userId: w.leader.userId })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("regression: locking ends sessions, so an old token stays dead after unlocking", async () => {
    actAs(w.admin);
    const before = (await db.user.findUniqueOrThrow({ where: { id: w.leader.userId } })).sessionVersion;
    expect((await setUserActive({ userId: w.leader.userId, isActive: false })).ok).toBe(true);
    expect((await setUserActive({ userId: w.leader.userId, isActive: true })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: w.leader.userId } })).sessionVersion).toBe(before + 1);
  });

  it("locking and unlocking is recorded", async () => {
    actAs(w.admin);
    expect((await setUserActive({ userId: w.council.userId, isActive: false })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: w.council.userId } })).isActive).toBe(false);
    expect((await setUserActive({ userId: w.council.userId, isActive: true })).ok).toBe(true);
    expect((await auditOf(w.council.userId)).map((a) => a.action)).toEqual(["user.setActive", "user.setActive"]);
  });
});
