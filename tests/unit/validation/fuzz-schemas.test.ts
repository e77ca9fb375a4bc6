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
import { FUZZ_SEED, hostileValueArb, messageProblem, spoiledInputArb } from "../../integration/fuzz-arbitraries";

const DIR = path.resolve(import.meta.dirname, "../../../lib/validation");
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();

/** Keys an object schema declares (through pipes and intersections), for inputs near its shape. */
function declaredKeys(schema: unknown): string[] {
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; left?: unknown; right?: unknown; in?: unknown } }).def;
  if (!def) return [];
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "intersection") return [...declaredKeys(def.left), ...declaredKeys(def.right)];
  if (def.type === "pipe") return declaredKeys(def.in);
  return [];
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
      const base = Object.fromEntries(keys.map((k) => [k, ""]));
      fc.assert(
        fc.property(keys.length ? fc.oneof(spoiledInputArb(base, keys), hostileValueArb) : hostileValueArb, (input) => {
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
