import "server-only";
import { env } from "@/lib/env";
import { prisma, type Tx } from "./client";

// Sign-in is the one path that reads accounts before there is an actor. Everything here is
// keyed by what the visitor typed, and only the fields sign-in needs leave this module.

/** One spelling per login, shared by account writes, look-ups and throttle keys. */
export function normalizeIdentifier(raw: string): { email?: string; phone?: string } {
  const s = raw.trim();
  if (s.includes("@")) return { email: s.toLowerCase() };
  // Vietnamese numbers are written 0912 345 678, 0912.345.678 or +84 912 345 678.
  const digits = s.replace(/[\s.\-()]/g, "");
  return { phone: digits.startsWith("+84") ? "0" + digits.slice(3) : digits.startsWith("84") && digits.length === 11 ? "0" + digits.slice(2) : digits };
}

function accountKey(identifier: string) {
  const n = normalizeIdentifier(identifier);
  return `account:${n.email ?? n.phone ?? ""}`;
}

const ipKey = (ip: string) => `ip:${ip}`;

export async function findAccountForSignIn(db: Tx, identifier: string) {
  const where = normalizeIdentifier(identifier);
  if (!where.email && !where.phone) return null;
  return db.user.findFirst({
    where: where.email ? { email: where.email } : { phone: where.phone },
    select: { id: true, name: true, role: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
}

export async function markSignedIn(db: Tx, userId: string) {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
}

/**
 * Runs one sign-in attempt for an account with that account's throttle row locked, so parallel
 * attempts on any number of app instances are counted one after another and none slips past
 * the limit. `check` verifies the password; a failure is counted before the lock is released.
 */
export async function withAccountThrottle<T extends { ok: boolean }>(
  identifier: string,
  ip: string | null,
  check: (tx: Tx) => Promise<T>,
): Promise<T | "RATE_LIMITED"> {
  const key = accountKey(identifier);
  const windowMs = env.SIGNIN_WINDOW_MINUTES * 60_000;
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "updatedAt") VALUES (${key}, 0, now(), now()) ON CONFLICT ("key") DO NOTHING`;
      const [row] = await tx.$queryRaw<{ blocked: boolean }[]>`
        SELECT ("blockedUntil" IS NOT NULL AND "blockedUntil" > now()) AS blocked FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
      const ipBlocked = ip
        ? (await tx.signInThrottle.count({ where: { key: ipKey(ip), blockedUntil: { gt: new Date() } } })) > 0
        : false;
      if (row?.blocked || ipBlocked) return "RATE_LIMITED" as const;
      const result = await check(tx);
      if (result.ok) {
        await tx.signInThrottle.delete({ where: { key } });
      } else {
        await countFailure(tx, key, env.SIGNIN_MAX_FAILURES, windowMs);
        // A ward office shares one public address among many officers: a larger allowance.
        if (ip) await countFailure(tx, ipKey(ip), env.SIGNIN_MAX_FAILURES * 6, windowMs);
      }
      return result;
    },
    { timeout: 15_000 },
  );
}

async function countFailure(tx: Tx, key: string, max: number, windowMs: number) {
  await tx.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, now(), NULL, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond'
                        THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond'
                        THEN now() ELSE "SignInThrottle"."windowStart" END,
      "updatedAt" = now()`;
  await tx.$executeRaw`
    UPDATE "SignInThrottle" SET "blockedUntil" = now() + ${windowMs} * interval '1 millisecond'
    WHERE "key" = ${key} AND "failures" >= ${max} AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
}

/** Rows of attempts long past their window carry no information; sweep them now and then. */
export async function sweepThrottleRows() {
  await prisma.$executeRaw`DELETE FROM "SignInThrottle" WHERE "updatedAt" < now() - interval '1 day' AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
}

/**
 * Counts one use of an allowance (say, registrations from one address) and tells whether it is
 * still within `max` per window. One statement, so parallel requests are counted exactly.
 */
export async function consumeAllowance(key: string, max: number, windowMs: number): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "updatedAt") VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond' THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond' THEN now() ELSE "SignInThrottle"."windowStart" END,
      "updatedAt" = now()
    RETURNING "failures"`;
  return (row?.failures ?? 0) <= max;
}
