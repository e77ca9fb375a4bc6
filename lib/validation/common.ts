import "@/lib/zod-config";
import { z } from "zod";

// Zod schemas are named <purpose>Schema; their messages are catalogue keys (validation.*),
// translated where they are shown.
export const idSchema = z.string().trim().min(1, "validation.required").max(64);

/** Vietnamese numbers: mobiles have 10 digits (09…, 03…), landlines 11 (02 + area code, e.g. 0209 for Bắc Kạn); +84 replaces the 0. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.\-()]/g, ""))
  .transform((s) => (s.startsWith("+84") ? "0" + s.slice(3) : s))
  .pipe(z.string().regex(/^(0[35789]\d{8}|02\d{9})$/, "validation.phone"));

/** The version (updatedAt) of the record the form was filled from: a later save by someone else is a conflict. */
export const versionSchema = z.iso.datetime({ message: "validation.invalid" });

/**
 * An optional form field: empty (or null) is null, anything else must pass `schema` and keeps its
 * own message. (A plain union would hide it behind zod's generic "invalid input".)
 */
export function optionalOf<T extends z.ZodType>(schema: T) {
  return z.union([z.string(), z.number(), z.null()]).transform((value, ctx): z.output<T> | null => {
    if (value === null || (typeof value === "string" && value.trim() === "")) return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}

export const optionalPhoneSchema = z.union([z.literal("").transform(() => null), phoneSchema]);
export const optionalEmailSchema = z.union([
  z.literal("").transform(() => null),
  z.string().trim().toLowerCase().pipe(z.email("validation.email")),
]);
