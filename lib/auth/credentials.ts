import "server-only";
import { findAccountForSignIn, isThrottled, recordFailure, clearFailures, markSignedIn } from "@/lib/db/sign-in";
import { dummyHash, verifyPassword } from "./password";

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "RATE_LIMITED" };

/** Checks a sign-in attempt; counts failures per account and per address (in PostgreSQL). */
export async function authenticate(identifier: string, password: string, ip: string): Promise<SignInOutcome> {
  const keys = { account: identifier, ip };
  if (await isThrottled(keys)) return { ok: false, reason: "RATE_LIMITED" };
  const account = await findAccountForSignIn(identifier);
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
  if (!account || !valid || !account.isActive) {
    await recordFailure(keys);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await clearFailures(keys);
  await markSignedIn(account.id);
  return { ok: true, user: { id: account.id, name: account.name, role: account.role, sessionVersion: account.sessionVersion } };
}
