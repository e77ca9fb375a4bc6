import { z } from "zod";

// Zod schemas are named <purpose>Schema; their messages are catalogue keys (validation.*),
// translated where they are shown.
export const idSchema = z.string().trim().min(1, "validation.required").max(64);

/** Vietnamese phone numbers: 10 digits from 0, or +84 followed by 9 digits. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.\-()]/g, ""))
  .transform((s) => (s.startsWith("+84") ? "0" + s.slice(3) : s))
  .pipe(z.string().regex(/^0\d{9}$/, "validation.phone"));

export const optionalPhoneSchema = z.union([z.literal("").transform(() => null), phoneSchema]);
export const optionalEmailSchema = z.union([
  z.literal("").transform(() => null),
  z.string().trim().toLowerCase().pipe(z.email("validation.email")),
]);
