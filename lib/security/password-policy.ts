// What a new password must not be, beyond the length the form already asks for (8, NIST SP
// 800-63B §5.1.1.2): a password everyone tries first, or the login it protects (ASVS V2.1.7 and
// V2.1.9 ask for a breached-password check and no composition rules; this list is the offline
// part of that check). Returns a catalogue key for the field, or null.

/**
 * The passwords that open most accounts in public breach lists, plus the Vietnamese and portal
 * words people reach for here. Compared after lower-casing and dropping spaces, dots and dashes.
 */
const COMMON = new Set([
  "12345678", "123456789", "1234567890", "0123456789", "87654321", "11111111", "00000000", "88888888", "66666666",
  "12341234", "11223344", "147258369", "123123123", "password", "password1", "password123", "passw0rd", "iloveyou",
  "qwertyui", "qwerty123", "1qaz2wsx", "abc12345", "abcd1234", "a1234567", "admin123", "administrator", "welcome1",
  "letmein1", "sunshine", "football", "baseball", "princess", "trustno1", "matkhau", "matkhau1", "matkhau123",
  "anhyeuem", "emyeuanh", "iloveyou1", "vietnam1", "vietnam123", "hanoi123", "saigon123", "backan123", "backan2026",
  "ocop2026", "ocop12345", "ocopbackan", "hoptacxa", "hoptacxa1",
]);

const normalise = (s: string) => s.toLowerCase().replace(/[\s.\-_]/g, "");

export function passwordIssue(password: string, login: { email?: string | null; phone?: string | null }): string | null {
  const p = normalise(password);
  if (COMMON.has(p) || /^(.)\1+$/.test(p)) return "validation.passwordTooCommon";
  const emailName = login.email ? normalise(login.email.split("@")[0] ?? "") : "";
  const phoneDigits = login.phone ? login.phone.replace(/\D/g, "") : "";
  const loginForms = [login.email ? normalise(login.email) : "", emailName.length >= 4 ? emailName : "", phoneDigits.length >= 8 ? phoneDigits : ""];
  if (loginForms.some((f) => f && p.includes(f))) return "validation.passwordLikeLogin";
  return null;
}
