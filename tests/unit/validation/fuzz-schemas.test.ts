// Every zod schema exported from lib/validation/*.ts, fed hostile input (issue 8, part 2):
// safeParse never throws, and every message a user could see is a catalogue key with a Vietnamese
// text (and an English one). zod's own English defaults are allowed at this level only because
// lib/errors fieldErrorsOf turns them into validation.invalid; that mapping is checked here too.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/errors";
import { declaredKeys, FUZZ_SEED, hostileValueArb, messageProblem, spoiledInputArb } from "../../integration/fuzz-arbitraries";

const DIR = path.resolve(import.meta.dirname, "../../../lib/validation");
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();

type Def = { type?: string; format?: string; entries?: Record<string, unknown>; values?: unknown[]; innerType?: unknown; in?: unknown; options?: unknown[]; shape?: Record<string, unknown> };

/**
 * A plausible value for a schema (a date for a date, an enum's first option), so that a spoiled
 * input gets past the field checks to the schema's own refinements: those compare dates and
 * numbers, and a refinement that assumed its fields were valid is what throws.
 */
function plausible(schema: unknown): unknown {
  const def = (schema as { def?: Def }).def ?? {};
  switch (def.type) {
    case "string":
      return def.format === "date" ? "2026-12-01" : def.format === "datetime" ? "2026-11-30T03:00:00.000Z" : def.format === "email" ? "a@b.vn" : "Nội dung hợp lệ";
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "number":
    case "int":
      return 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return [];
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, plausible(v)]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
      return plausible(def.innerType);
    case "pipe":
      return plausible(def.in);
    case "union":
      return plausible(def.options?.[def.options.length - 1]);
    default:
      return "1";
  }
}

/** A message the schema set itself (not one of zod's sentences) must be a key fieldErrorsOf keeps. */
const looksLikeZodDefault = (message: string) => /\s/.test(message);

async function schemas(): Promise<[string, z.ZodType][]> {
  const out: [string, z.ZodType][] = [];
  for (const file of files) {
    const mod = (await import(path.join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) out.push([`${file}:${name}`, value]);
    }
  }
  // The one factory: the activity dates are checked against the plan's year.
  const annual = (await import("@/lib/validation/annual-plans")) as { annualActivitySchemaFor: (year?: number) => z.ZodType };
  out.push(["annual-plans.ts:annualActivitySchemaFor(2026)", annual.annualActivitySchemaFor(2026)]);
  return out;
}

const all = await schemas();

describe("schema fuzz", () => {
  it("finds the schemas of every validation module", () => {
    expect(all.length).toBeGreaterThan(80);
    const modules = new Set(all.map(([name]) => name.split(":")[0]));
    // search-params.ts and money.ts export parsers, not schemas.
    expect(files.filter((f) => !modules.has(f) && !["search-params.ts", "money.ts"].includes(f))).toEqual([]);
  });

  for (const [name, schema] of all) {
    it(`${name}: safeParse never throws; every message is a Vietnamese catalogue key`, () => {
      const keys = declaredKeys(schema);
      const base = plausible(schema) as Record<string, unknown>;
      fc.assert(
        fc.property(keys.length && base && typeof base === "object" ? fc.oneof(spoiledInputArb(base, keys), hostileValueArb) : hostileValueArb, (input) => {
          const result = schema.safeParse(input);
          if (result.success) return;
          const problems: string[] = [];
          for (const issue of result.error.issues) {
            if (!looksLikeZodDefault(issue.message) && !/^[a-z]+\.[A-Za-z]+$/.test(issue.message)) problems.push(`"${issue.message}" is neither a catalogue key nor zod's default`);
          }
          for (const [field, messages] of Object.entries(fieldErrorsOf(result.error.issues))) {
            for (const key of messages) {
              const problem = messageProblem(key);
              if (problem) problems.push(`${field}: ${problem}`);
            }
          }
          expect(problems).toEqual([]);
        }),
        { seed: FUZZ_SEED, numRuns: 200 },
      );
    });
  }
});
