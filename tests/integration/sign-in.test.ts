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

  it("pauses an address that tries many accounts", async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < 30; i++) await authenticate(`nobody-${i}@test.ocop`, "sai", ip);
    const u = await newAccount();
    expect(await authenticate(u.email!, PASSWORD, ip)).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await authenticate(u.email!, PASSWORD, "10.0.0.4")).ok).toBe(true);
    expect(w.admin.role).toBe("ADMIN");
  });
});
