import { NextResponse, type NextRequest } from "next/server";
import { makeNonce, pageSecurityHeaders } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // Layouts cannot read the request path; the portal layout needs it to send a signed-out visitor
  // to sign-in and back to the page they asked for.
  headers.set("x-ocop-path", request.nextUrl.pathname + request.nextUrl.search);
  // The proxy is its own bundle and cannot import lib/env (server-only); it reads the two
  // settings it needs directly, and lib/env validates the same values for the rest of the app.
  const security = pageSecurityHeaders({ nonce: makeNonce(), nodeEnv: process.env.NODE_ENV, appUrl: process.env.APP_URL });
  // Next.js finds the nonce in the request's policy and stamps it on the scripts it renders.
  headers.set("Content-Security-Policy", security["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  for (const [key, value] of Object.entries(security)) response.headers.set(key, value);
  return response;
}

// Page requests only: server-action posts (uploads among them) go straight to the app, so the
// proxy never buffers a file body; their answers are RSC payloads, not documents, and need no
// policy. /api routes set their own (stricter) policy where they serve content (lib/storage/serve.ts).
export const config = {
  matcher: [{ source: "/((?!_next/|api/|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] }],
};
