import "server-only";
import { env } from "@/lib/env";
import { prisma } from "./client";

// Sign-in is the one path that reads accounts before there is an actor. Everything here is
// keyed by what the visitor typed, and only the fields sign-in needs leave this module.

export function normalizeIdentifier(raw: string): { email?: string; phone?: string } {
  const s = raw.trim();
  if (s.includes("@")) return { email: s.toLowerCase() };
  // Vietnamese mobile numbers are written 0912 345 678, 0912.345.678 or +84 912 345 678.
  const digits = s.replace(/[\s.\-()]/g, "");
  return { phone: digits.startsWith("+84") ? "0" + digits.slice(3) : digits };
}

export async function findAccountForSignIn(identifier: string) {
  const where = normalizeIdentifier(identifier);
  if (!where.email && !where.phone) return null;
  return prisma.user.findFirst({
    where: where.email ? { email: where.email } : { phone: where.phone },
    select: { id: true, name: true, role: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
}

export async function markSignedIn(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
}

export type ThrottleKeys = { account: string; ip: string };

const keysOf = (k: ThrottleKeys) => [`account:${k.account.trim().toLowerCase()}`, `ip:${k.ip}`];

/** True while either the account or the address is paused after too many failures. */
export async function isThrottled(k: ThrottleKeys): Promise<boolean> {
  const n = await prisma.signInThrottle.count({ where: { key: { in: keysOf(k) }, blockedUntil: { gt: new Date() } } });
  return n > 0;
}

/**
 * Counts a failure for the account and the address in one statement per key, so concurrent
 * attempts on several app instances cannot both slip under the limit. An address gets a larger
 * allowance than an account: a ward office shares one public address among many officers.
 */
export async function recordFailure(k: ThrottleKeys) {
  const windowMs = env.SIGNIN_WINDOW_MINUTES * 60_000;
  const [accountKey, ipKey] = keysOf(k);
  const limits: [string, number][] = [
    [accountKey!, env.SIGNIN_MAX_FAILURES],
    [ipKey!, env.SIGNIN_MAX_FAILURES * 6],
  ];
  for (const [key, max] of limits) {
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
      VALUES (${key}, 1, now(), NULL, now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond'
                          THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - ${windowMs} * interval '1 millisecond'
                          THEN now() ELSE "SignInThrottle"."windowStart" END,
        "updatedAt" = now()`;
    await prisma.$executeRaw`
      UPDATE "SignInThrottle" SET "blockedUntil" = now() + ${windowMs} * interval '1 millisecond'
      WHERE "key" = ${key} AND "failures" >= ${max} AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
  }
}

export async function clearFailures(k: ThrottleKeys) {
  await prisma.signInThrottle.deleteMany({ where: { key: keysOf(k)[0] } });
}
