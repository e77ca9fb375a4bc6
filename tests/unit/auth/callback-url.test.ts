import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, "/home"],
    ["", "/home"],
    ["/producers?q=htx", "/producers?q=htx"],
    ["https://evil.example/", "/home"],
    ["//evil.example/path", "/home"],
    ["/\\evil.example", "/home"],
    ["javascript:alert(1)", "/home"],
    ["/\t/evil.example", "/home"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\n/evil.example", "/home"],
    ["/ideas/abc#timeline", "/ideas/abc#timeline"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
