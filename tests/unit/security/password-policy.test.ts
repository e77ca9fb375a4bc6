import { describe, expect, it } from "vitest";
import { passwordIssue } from "@/lib/security/password-policy";

describe("passwordIssue", () => {
  it("refuses the passwords everyone tries first, however they are spaced or cased", () => {
    for (const p of ["12345678", "Password123", "Mat Khau 123", "OCOP2026", "a-n-h-y-e-u-e-m", "aaaaaaaaaa"]) expect(passwordIssue(p, {})).toBe("validation.passwordTooCommon");
  });

  it("refuses the login itself inside the password", () => {
    expect(passwordIssue("nguyenvanan2026", { email: "NguyenVanAn@gmail.com" })).toBe("validation.passwordLikeLogin");
    expect(passwordIssue("x0912345678!", { phone: "0912 345 678" })).toBe("validation.passwordLikeLogin");
    // A short mailbox name is too likely to occur by chance to count.
    expect(passwordIssue("Chè-Shan-tuyết-an", { email: "an@htx.vn" })).toBeNull();
  });

  it("accepts an ordinary passphrase", () => {
    expect(passwordIssue("Ocop@2026", { email: "kinhte@ocop.demo" })).toBeNull();
    expect(passwordIssue("mien-nui-Bac-Kan-mua-thu", { email: "htx.ngocthang@gmail.com", phone: "0912345678" })).toBeNull();
  });
});
