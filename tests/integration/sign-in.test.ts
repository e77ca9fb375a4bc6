import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { buildUser } from "@/prisma/seed/builders";
import { db, makeWorld, PASSWORD } from "./world";

let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  w = await makeWorld();
});

const newAccount = async (extra: { phone?: string; isActive?: boolean } = {}) =>
  buildUser(db, { name: "Người thử", role: "LEADER", password: PASSWORD, email: `signin-${crypto.randomUUID().slice(0, 8)}@test.ocop`, ...extra });

describe("authenticate", () => {
  it("accepts the right password by e-mail (any case) and by phone in Vietnamese formats", async () => {
    const phone = "09" + String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
    const u = await newAccount({ phone });
    expect(await authenticate(u.email!.toUpperCase(), PASSWORD, "10.0.0.1")).toMatchObject({ ok: true, user: { id: u.id } });
    const spaced = `+84 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    expect(await authenticate(spaced, PASSWORD, "10.0.0.1")).toMatchObject({ ok: true, user: { id: u.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown account and a locked account alike", async () => {
    const u = await newAccount();
    const locked = await newAccount({ isActive: false });
    expect(await authenticate(u.email!, "sai-mat-khau", "10.0.0.2")).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await authenticate("khong-co@test.ocop", PASSWORD, "10.0.0.2")).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await authenticate(locked.email!, PASSWORD, "10.0.0.2")).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it("pauses an account after 5 failures, even for the right password, and counts in PostgreSQL", async () => {
    const u = await newAccount();
    for (let i = 0; i < 4; i++) expect((await authenticate(u.email!, "sai", "10.0.0.3")).ok).toBe(false);
    // The 4th failure does not block yet: the right password still works and resets the count.
    expect((await authenticate(u.email!, PASSWORD, "10.0.0.3")).ok).toBe(true);
    for (let i = 0; i < 5; i++) await authenticate(u.email!, "sai", "10.0.0.3");
    expect(await authenticate(u.email!, PASSWORD, "10.0.0.3")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${u.email}` } });
    expect(row.failures).toBe(5);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("regression: every spelling of a phone number counts against one account", async () => {
    const phone = "03" + String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
    const u = await newAccount({ phone });
    const spellings = [phone, `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`, `+84${phone.slice(1)}`, `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`, `(${phone.slice(0, 4)}) ${phone.slice(4)}`];
    for (const s of spellings) expect((await authenticate(s, "sai", null)).ok).toBe(false);
    expect(await authenticate(`+84 ${phone.slice(1)}`, PASSWORD, null)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(u.phone).toBe(phone);
  });

  it("counts parallel attempts one after another: none slips past the limit", async () => {
    const u = await newAccount();
    const results = await Promise.all(Array.from({ length: 12 }, () => authenticate(u.email!, "sai", null)));
    expect(results.filter((r) => !r.ok && r.reason === "INVALID_CREDENTIALS")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "RATE_LIMITED")).toHaveLength(7);
  });

  it("pauses an address that tries many accounts", async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < 30; i++) await authenticate(`nobody-${i}@test.ocop`, "sai", ip);
    const u = await newAccount();
    expect(await authenticate(u.email!, PASSWORD, ip)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await authenticate(u.email!, PASSWORD, "10.0.0.4")).ok).toBe(true);
    expect(w.admin.role).toBe("ADMIN");
  });
});
