import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_SECONDS, SESSION_MAX_AGE_SECONDS, sessionOutlived, useSecureCookies } from "@/lib/security/session-policy";

describe("session lifetime", () => {
  it("is at most 12 hours from sign-in (ASVS V3.3.2 level 2), the cookie one working day", () => {
    expect(SESSION_ABSOLUTE_SECONDS).toBe(12 * 3600);
    expect(SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
  });

  it("ends exactly past the absolute limit", () => {
    const now = 2_000_000_000;
    expect(sessionOutlived(now - SESSION_ABSOLUTE_SECONDS, now)).toBe(false);
    expect(sessionOutlived(now - SESSION_ABSOLUTE_SECONDS - 1, now)).toBe(true);
    expect(sessionOutlived(now, now)).toBe(false);
  });

  it("treats a token without a believable sign-in time as over", () => {
    const now = 2_000_000_000;
    for (const bad of [undefined, null, "1999999999", Number.NaN, Infinity]) expect(sessionOutlived(bad, now)).toBe(true);
    // From the future (beyond a minute of clock skew): not a token we issued.
    expect(sessionOutlived(now + 61, now)).toBe(true);
    expect(sessionOutlived(now + 30, now)).toBe(false);
  });
});

describe("useSecureCookies", () => {
  it("forces Secure cookies for production over https and otherwise lets the request decide", () => {
    expect(useSecureCookies("production", "https://ocop.backan.gov.vn")).toBe(true);
    expect(useSecureCookies("production", "http://127.0.0.1:3311")).toBeUndefined();
    expect(useSecureCookies("development", "https://ocop.backan.gov.vn")).toBeUndefined();
    expect(useSecureCookies("production", undefined)).toBeUndefined();
  });
});
