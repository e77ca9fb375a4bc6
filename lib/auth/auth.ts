import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, sessionOutlived, useSecureCookies } from "@/lib/security/session-policy";
import { authenticate } from "./credentials";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  identifier: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

/**
 * The client address as recorded by our own proxies: each appends the address it saw, so the
 * entry TRUSTED_PROXY_COUNT places from the right is the first one a client could not forge.
 * Without trusted proxies there is no address we can believe (null).
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string | null {
  if (trustedProxies < 1 || !forwardedFor) return null;
  const hops = forwardedFor.split(",").map((h) => h.trim()).filter(Boolean);
  return hops[hops.length - trustedProxies] ?? null;
}

// The config is a function so that the secret is read at the first request, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  // JWT sessions; the account is re-read on every request (lib/auth/session.ts), so deactivating a
  // user or bumping their sessionVersion ends their sessions on every instance at once.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: useSecureCookies(env.NODE_ENV, env.APP_URL),
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await authenticate(parsed.data.identifier, parsed.data.password, clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_COUNT));
        if (!outcome.ok) {
          if (outcome.reason === "RATE_LIMITED") throw new RateLimited();
          return null;
        }
        return { id: outcome.user.id, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  events: {
    // The token is a self-contained JWT: clearing this browser's cookie would leave a copied token
    // valid until it expires (ASVS V3.3.1). Signing out therefore retires every token of the
    // account; the version guard leaves a newer sign-in alone.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid !== "string" || typeof token.sv !== "number") return;
      await prisma.user.updateMany({ where: { id: token.uid, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authAt = Math.floor(Date.now() / 1000);
      } else if (sessionOutlived(token.authAt)) {
        return null; // past the absolute limit however often it was refreshed: signed out
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
}));
