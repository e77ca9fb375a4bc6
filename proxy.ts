import { NextResponse, type NextRequest } from "next/server";

// Layouts cannot read the request path; the portal layout needs it to send a signed-out visitor
// to sign-in and back to the page they asked for.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-ocop-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Page requests only: server-action posts (uploads among them) go straight to the app, so the
// proxy never buffers a file body.
export const config = {
  matcher: [{ source: "/((?!_next/|api/|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] }],
};
