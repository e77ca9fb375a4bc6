import { register } from "node:module";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { endUserSessions, setUserActive } from "@/lib/actions/users";
import { SESSION_ABSOLUTE_SECONDS, SESSION_MAX_AGE_SECONDS } from "@/lib/security/session-policy";
import vi_messages from "@/lib/i18n/messages/vi.json";
import { buildUser } from "@/prisma/seed/builders";
import { actAs } from "./act-as";
import { db, makeWorld, PASSWORD } from "./world";

// The real Auth.js handlers and the real getActor, end to end: sign in over HTTP, keep the cookie
// the browser would keep, and ask who that cookie belongs to after each thing that should end it.
// Outside Next.js there is no request for auth() to read, so here it asks the session endpoint
// with the cookie, which runs the same decode and callbacks.
let cookieJar = "";
vi.mock("@/lib/auth/auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/auth")>();
  return {
    ...actual,
    auth: async () => {
      const res = await actual.handlers.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: cookieJar } }));
      return res.ok ? res.json() : null;
    },
  };
});
// next-auth is loaded by Node itself, whose ESM resolver wants "next/server.js" where next-auth
// writes "next/server" (Next's bundler accepts both); the suite's other files never load it.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(s, c, next) { return next(/^next[/](server|headers|navigation)$/.test(s) ? s + ".js" : s, c); }`),
);
const { getActor } = await vi.importActual<typeof import("@/lib/auth/session")>("@/lib/auth/session");
const { handlers } = await import("@/lib/auth/auth");

const ORIGIN = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";

let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  w = await makeWorld();
});

const newAccount = () => buildUser(db, { name: "Cán bộ thử phiên", role: "LEADER", password: PASSWORD, email: `session-${crypto.randomUUID().slice(0, 8)}@test.ocop` });

const cookiesOf = (res: Response) => res.headers.getSetCookie();
const pair = (setCookie: string) => setCookie.split(";")[0]!;

/** Posts the sign-in form as a browser would (CSRF cookie and token first). */
async function postSignIn(identifier: string, password: string) {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf).map(pair).join("; ");
  const res = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ identifier, password, csrfToken, callbackUrl: `${ORIGIN}/home` }),
    }),
  );
  return { res, csrfCookie, csrfToken };
}

async function signIn(identifier: string) {
  const { res, csrfCookie, csrfToken } = await postSignIn(identifier, PASSWORD);
  const session = cookiesOf(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(session, "a session cookie after a right password").toBeDefined();
  return { setCookie: session!, cookie: `${pair(session!)}; ${csrfCookie}`, csrfToken };
}

async function actorWith(cookie: string) {
  cookieJar = cookie;
  return getActor();
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, scoped to the site, and lasts one working day", async () => {
    const u = await newAccount();
    const before = Date.now();
    const { setCookie, cookie } = await signIn(u.email!);
    const attrs = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    // Plain http in tests: a Secure cookie would never come back. Production over https sets it
    // (lib/security/session-policy.ts useSecureCookies, unit-tested).
    expect(attrs).not.toContain("secure");
    const expires = Date.parse(setCookie.match(/Expires=([^;]+)/i)![1]!);
    expect(expires - before).toBeGreaterThan(SESSION_MAX_AGE_SECONDS * 1000 - 60_000);
    expect(expires - before).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS * 1000 + 60_000);
    expect(SESSION_MAX_AGE_SECONDS).toBeLessThanOrEqual(SESSION_ABSOLUTE_SECONDS);
    expect(await actorWith(cookie)).toMatchObject({ userId: u.id, role: "LEADER" });
  });

  it("is refused when forged or when no cookie is sent", async () => {
    expect(await actorWith("")).toBeNull();
    const u = await newAccount();
    const forged = await encode({ token: { uid: u.id, sv: 0, authAt: Math.floor(Date.now() / 1000) }, secret: "mot-bi-mat-khac-hoan-toan-32-ky-tu", salt: SESSION_COOKIE });
    expect(await actorWith(`${SESSION_COOKIE}=${forged}`)).toBeNull();
  });
});

describe("session lifetime", () => {
  const tokenFor = (u: { id: string }, claims: Record<string, unknown>) =>
    encode({ token: { uid: u.id, sv: 0, ...claims }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });

  it("ends 12 hours after sign-in however often the token was refreshed", async () => {
    const u = await newAccount();
    const now = Math.floor(Date.now() / 1000);
    expect(await actorWith(`${SESSION_COOKIE}=${await tokenFor(u, { authAt: now - 60 * 60 })}`)).toMatchObject({ userId: u.id });
    expect(await actorWith(`${SESSION_COOKIE}=${await tokenFor(u, { authAt: now - SESSION_ABSOLUTE_SECONDS - 60 })}`)).toBeNull();
    // A token that cannot say when it signed in cannot prove it is young enough.
    expect(await actorWith(`${SESSION_COOKIE}=${await tokenFor(u, {})}`)).toBeNull();
  });

  it("clears the cookie of an outlived session instead of refreshing it", async () => {
    const u = await newAccount();
    const old = await tokenFor(u, { authAt: Math.floor(Date.now() / 1000) - SESSION_ABSOLUTE_SECONDS - 60 });
    const res = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${old}` } }));
    expect(await res.json()).toBeNull();
    const cleared = cookiesOf(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});

describe("ending sessions", () => {
  it("signing out retires the token everywhere, so a copy of the cookie no longer works", async () => {
    const u = await newAccount();
    const phone = await signIn(u.email!);
    const laptop = await signIn(u.email!);
    expect(await actorWith(laptop.cookie)).toMatchObject({ userId: u.id });
    const res = await handlers.POST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: phone.cookie },
        body: new URLSearchParams({ csrfToken: phone.csrfToken, callbackUrl: `${ORIGIN}/` }),
      }),
    );
    expect(cookiesOf(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await actorWith(phone.cookie)).toBeNull();
    expect(await actorWith(laptop.cookie)).toBeNull();
    // Signing in again works as before.
    expect(await actorWith((await signIn(u.email!)).cookie)).toMatchObject({ userId: u.id });
  });

  it("the administrator's 'sign out of every device' ends a live session at once", async () => {
    const u = await newAccount();
    const { cookie } = await signIn(u.email!);
    expect(await actorWith(cookie)).toMatchObject({ userId: u.id });
    actAs(w.admin);
    expect(await endUserSessions({ userId: u.id })).toMatchObject({ ok: true });
    expect(await actorWith(cookie)).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "user.endSessions", entityId: u.id } })).toBe(1);
  });

  it("a deactivated user's session stops at once, and stays dead after reactivation", async () => {
    const u = await newAccount();
    const { cookie } = await signIn(u.email!);
    expect(await actorWith(cookie)).toMatchObject({ userId: u.id });
    actAs(w.admin);
    expect(await setUserActive({ userId: u.id, isActive: false })).toMatchObject({ ok: true });
    expect(await actorWith(cookie)).toBeNull();
    // Nor can they sign in again while locked.
    const { res } = await postSignIn(u.email!, PASSWORD);
    expect(cookiesOf(res).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect(await setUserActive({ userId: u.id, isActive: true })).toMatchObject({ ok: true });
    expect(await actorWith(cookie)).toBeNull();
    expect(await actorWith((await signIn(u.email!)).cookie)).toMatchObject({ userId: u.id });
  });

  it("an administrator cannot lock themself out by mistake", async () => {
    actAs(w.admin);
    expect(await setUserActive({ userId: w.admin.userId, isActive: false })).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.admin.userId } })).isActive).toBe(true);
  });
});

describe("account lockout", () => {
  it("pauses the account after 5 wrong passwords, even for the right one, with a Vietnamese message", async () => {
    const u = await newAccount();
    for (let i = 0; i < 5; i++) {
      const { res } = await postSignIn(u.email!, "mat-khau-sai");
      expect(res.headers.get("location")).toMatch(/error=CredentialsSignin/);
      expect(res.headers.get("location")).not.toMatch(/code=rate_limited/);
    }
    const { res } = await postSignIn(u.email!, PASSWORD);
    expect(cookiesOf(res).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    // lib/actions/sign-in.ts turns this code into RATE_LIMITED, which the form shows as below.
    expect(res.headers.get("location")).toMatch(/code=rate_limited/);
    expect(vi_messages.errors.RATE_LIMITED).toMatch(/quá nhiều lần.*thử lại/);
  });
});
