import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
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
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
}));
