import "server-only";
import { findAccountForSignIn, markSignedIn, sweepThrottleRows, withAccountThrottle } from "@/lib/db/sign-in";
import { dummyHash, verifyPassword } from "./password";

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "RATE_LIMITED" };

/**
 * Checks a sign-in attempt. Failures are counted per account (every spelling of a phone number
 * is one account) and per client address when one is known, in PostgreSQL.
 */
export async function authenticate(identifier: string, password: string, ip: string | null): Promise<SignInOutcome> {
  if (Math.random() < 0.02) void sweepThrottleRows().catch(() => {});
  const outcome = await withAccountThrottle(identifier, ip, async (tx) => {
    const account = await findAccountForSignIn(tx, identifier);
    const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
    if (!account || !valid || !account.isActive) return { ok: false as const };
    await markSignedIn(tx, account.id);
    return { ok: true as const, account };
  });
  if (outcome === "RATE_LIMITED") return { ok: false, reason: "RATE_LIMITED" };
  if (!outcome.ok) return { ok: false, reason: "INVALID_CREDENTIALS" };
  const a = outcome.account;
  return { ok: true, user: { id: a.id, name: a.name, role: a.role, sessionVersion: a.sessionVersion } };
}
