import { servedOverHttps } from "./csp";

// Session rules for lib/auth/auth.ts, here so that they can be tested without Auth.js.

/**
 * A signed-in session lasts one working day from its last refresh. Server components cannot set
 * cookies, so in practice only sign-in issues the cookie and this is the lifetime since sign-in.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Auth.js re-issues the token with a fresh expiry whenever /api/auth/session is read, so a stolen
 * cookie could be kept alive for ever. Whatever happens, a sign-in is good for 12 hours at most:
 * OWASP ASVS 4.0.3 V3.3.2, level 2 ("12 hours or 30 minutes of inactivity").
 */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/**
 * True when a token signed in at `authAt` (seconds) has outlived the absolute limit. A token
 * without the stamp was issued before the limit existed and cannot prove its age: it is over.
 */
export function sessionOutlived(authAt: unknown, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (typeof authAt !== "number" || !Number.isFinite(authAt)) return true;
  return nowSeconds - authAt > SESSION_ABSOLUTE_SECONDS || authAt > nowSeconds + 60;
}

/**
 * Secure cookies whenever the production site is https, even if a proxy in front forgets
 * X-Forwarded-Proto; otherwise (undefined) Auth.js decides by the request's own protocol. The
 * session cookie is always HttpOnly and SameSite=Lax (Auth.js's defaults, checked by
 * tests/integration/sessions.test.ts).
 */
export function useSecureCookies(nodeEnv: string | undefined, appUrl: string | undefined): true | undefined {
  return nodeEnv === "production" && servedOverHttps(appUrl) ? true : undefined;
}
