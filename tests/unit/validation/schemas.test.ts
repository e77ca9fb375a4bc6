import { describe, expect, it } from "vitest";
import { phoneSchema } from "@/lib/validation/common";
import { updateProducerContactSchema } from "@/lib/validation/producers";
import { signInSchema } from "@/lib/validation/auth";

describe("phoneSchema", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["0209 3870 123", "02093870123"],
  ])("accepts %s as %s", (raw, normalised) => {
    expect(phoneSchema.parse(raw)).toBe(normalised);
  });
  it.each(["12345", "091234567", "09123456789", "0112345678", "02093870", "abc"])("refuses %s", (raw) => {
    const r = phoneSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("validation.phone");
  });
});

describe("updateProducerContactSchema", () => {
  it("turns empty optional fields into null and lower-cases e-mail", () => {
    const version = "2026-11-30T03:00:00.000Z";
    expect(updateProducerContactSchema.parse({ producerId: "p1", version, address: "Tổ 1, Đức Xuân", phone: "", email: "A@B.VN" })).toEqual({
      producerId: "p1",
      version,
      address: "Tổ 1, Đức Xuân",
      phone: null,
      email: "a@b.vn",
    });
  });
  it("reports message keys for each bad field", () => {
    const r = updateProducerContactSchema.safeParse({ producerId: "", version: "2026-11-30T03:00:00.000Z", address: "x", phone: "1", email: "x" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["producerId", "validation.required"],
      ["address", "validation.addressTooShort"],
      ["phone", "validation.phone"],
      ["email", "validation.email"],
    ]);
  });
});

describe("signInSchema", () => {
  it("trims the identifier and requires both fields", () => {
    expect(signInSchema.parse({ identifier: "  a@b.vn ", password: "x" }).identifier).toBe("a@b.vn");
    expect(signInSchema.safeParse({ identifier: " ", password: "" }).error!.issues.map((i) => i.message)).toEqual(["validation.identifierRequired", "validation.passwordRequired"]);
  });
});
