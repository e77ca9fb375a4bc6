import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, pageSecurityHeaders, servedOverHttps, STATIC_SECURITY_HEADERS } from "@/lib/security/csp";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("is the exact production policy: scripts by nonce only, nothing from other origins, no framing", () => {
    expect(contentSecurityPolicy({ nonce: "abc123==", development: false, https: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("never allows inline or evaluated scripts in production", () => {
    const script = directives(contentSecurityPolicy({ nonce: "n", development: false, https: true })).get("script-src")!;
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    // A nonce in style-src would silently disable 'unsafe-inline' there and break style attributes.
    expect(directives(contentSecurityPolicy({ nonce: "n", development: false, https: true })).get("style-src")).not.toContain("'nonce-n'");
  });

  it("upgrades insecure requests only over https, and allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: false })).not.toContain("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ nonce: "n", development: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("makeNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(Array.from({ length: 50 }, makeNonce)).size).toBe(50);
  });
});

describe("pageSecurityHeaders", () => {
  it("sends HSTS and upgrades requests only in production with an https address", () => {
    const prod = pageSecurityHeaders({ nonce: "n", nodeEnv: "production", appUrl: "https://ocop.backan.gov.vn" });
    expect(prod["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(prod["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    // The end-to-end server runs in production over plain http: HSTS there would lock the host out.
    const e2e = pageSecurityHeaders({ nonce: "n", nodeEnv: "production", appUrl: "http://127.0.0.1:3311" });
    expect(e2e).not.toHaveProperty("Strict-Transport-Security");
    expect(e2e["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(pageSecurityHeaders({ nonce: "n", nodeEnv: "development", appUrl: "https://x.vn" })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("reads a missing or malformed address as not https", () => {
    expect(servedOverHttps(undefined)).toBe(false);
    expect(servedOverHttps("không phải url")).toBe(false);
    expect(servedOverHttps("HTTPS://OCOP.VN")).toBe(true);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("denies framing, sniffing, cross-site referrers and the powerful device features", () => {
    const h = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(h).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["Permissions-Policy"]).toContain(feature);
    // The per-request policy belongs to proxy.ts; a second static one would be ANDed with it.
    expect(h).not.toHaveProperty("Content-Security-Policy");
  });
});
