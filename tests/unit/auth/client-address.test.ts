import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }), CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));

const { clientAddress } = await import("@/lib/auth/auth");

describe("clientAddress (regression: a forged X-Forwarded-For must not reset the per-address count)", () => {
  it.each<[string | null, number, string | null]>([
    ["1.2.3.4", 0, null], // no proxy of ours: the header is the client's word
    [null, 1, null],
    ["9.9.9.9", 1, "9.9.9.9"],
    ["6.6.6.6, 9.9.9.9", 1, "9.9.9.9"], // the client prepended a forged entry; our proxy appended the real one
    ["6.6.6.6, 9.9.9.9, 10.0.0.2", 2, "9.9.9.9"],
    ["9.9.9.9", 2, null],
  ])("%s with %i trusted proxies → %s", (header, proxies, expected) => {
    expect(clientAddress(header, proxies)).toBe(expected);
  });
});
