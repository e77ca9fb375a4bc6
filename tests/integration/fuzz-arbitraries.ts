// Hostile input for the fuzz tests (issue 8, part 2): tests/integration/fuzz-actions.test.ts calls
// every server action with it, tests/unit/validation/fuzz-schemas.test.ts every zod schema. Pure:
// no database, no app module, so the unit project can import it too.
import fc from "fast-check";
import { MESSAGES } from "@/lib/i18n/messages";

/** Recorded so that a failure is reproduced with the same inputs (fast-check prints the path). */
export const FUZZ_SEED = 20_261_130;

const LONG = "Ả".repeat(100_000);

/** Strings that have broken web applications: each one is tried as is and inside other text. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  "'; DROP TABLE \"User\"; --",
  "1; SELECT pg_sleep(10)",
  "\" OR \"\"=\"",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\"><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "\u0000",
  "Hợp tác xã\u0000Nà Cà",
  "\u202Egnp.exe\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "\u0001\u0002\u0007\u001B[31m\u007F",
  "\r\n\t\b\f\v",
  "Tiếng Việt 中文 العربية русский ภาษาไทย 🙂👨‍👩‍👧",
  "e\u0301\u0302\u0303\u0323",
  "\uD800",
  "\uFFFF\uFFFE",
  "   ",
  "",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "-1e308",
  "9".repeat(400),
  "0x1F",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "275760-09-14",
  "2026-13-45T25:61:61Z",
  "2026-11-30T00:00:00.000Z",
  "__proto__",
  "constructor",
  LONG,
  "x".repeat(100_001),
];

/** Ids of the right shape that name nothing. */
export const missingIdArb = fc.oneof(
  fc.uuid().map(String),
  fc.constantFrom("cm0000000000000000000000", "00000000-0000-0000-0000-000000000000", "clxxxxxxxxxxxxxxxxxxxxxxx"),
);

export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  // A plausible value with something hostile inside it.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("Miến dong ", "HTX Nà Cà ", "Trà hoa vàng ", ""), fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)), fc.string({ maxLength: 8 }))
      .map(([a, b, c]) => a + b + c),
  },
  { weight: 1, arbitrary: missingIdArb },
);

export const hostileNumberArb: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, -1, 0, 0.5, 2 ** 31, -(2 ** 63)),
  fc.double(),
  fc.integer(),
  fc.constantFrom(10n ** 30n, -1n),
);

const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileStringArb },
  { weight: 3, arbitrary: hostileNumberArb },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom(new Date("0000-01-01T00:00:00Z"), new Date(8.64e15), Symbol("x")) },
);

/** Any value, hostile at every depth: wrong types, arrays for strings, objects for numbers. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarArb, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(hostileStringArb, fc.constantFrom("__proto__", "constructor", "id", "producerId")), tie("value"), { maxKeys: 4 }),
})).value;

/** The keys an input schema declares (an object, possibly piped or intersected). */
export function declaredKeys(schema: unknown): string[] {
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; left?: unknown; right?: unknown; in?: unknown } }).def;
  if (!def) return [];
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "intersection") return [...declaredKeys(def.left), ...declaredKeys(def.right)];
  if (def.type === "pipe") return declaredKeys(def.in);
  return [];
}

type Path = readonly (string | number)[];
type Mutation = { kind: "replace"; path: Path; value: unknown } | { kind: "drop"; path: Path } | { kind: "extra"; key: string; value: unknown };

/** Every field of a value down to `depth` levels (a list's items and an object's keys), so that nested fields are spoiled too. */
function pathsOf(value: unknown, depth: number, prefix: Path = []): Path[] {
  if (depth === 0 || value === null || typeof value !== "object" || value instanceof Date) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, depth - 1, [...prefix, k])]);
}

/**
 * A valid input spoiled: a field (top-level or nested) replaced by a hostile value or dropped,
 * extra fields added; two or three of those at once; now and then the whole input something else.
 * One field spoiled alone is what gets past the other fields' checks into the refinements and the
 * action's own checks.
 */
export function spoiledInputArb(base: Record<string, unknown>, declared: readonly string[] = []): fc.Arbitrary<unknown> {
  const paths: Path[] = [...declared.filter((k) => !(k in base)).map((k) => [k]), ...pathsOf(base, 4)];
  if (paths.length === 0) return hostileValueArb;
  const idLike = (path: Path) => /id$|ids$/i.test(String(path.findLast((p) => typeof p === "string") ?? ""));
  const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...paths)
        .chain((path) => (idLike(path) ? fc.oneof(missingIdArb, hostileValueArb) : fc.oneof({ weight: 3, arbitrary: hostileStringArb }, { weight: 2, arbitrary: hostileValueArb })).map((value) => ({ kind: "replace" as const, path, value }))),
    },
    { weight: 2, arbitrary: fc.constantFrom(...paths).map((path) => ({ kind: "drop" as const, path })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("producerId", "wardId", "status", "role", "isAdmin", "__proto__", "version", "id"), hostileValueArb).map(([key, value]) => ({ kind: "extra" as const, key, value })) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: mutationArb.map((m) => applyMutations(base, [m])) },
    { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 2, maxLength: 3 }).map((ms) => applyMutations(base, ms)) },
    { weight: 1, arbitrary: hostileValueArb },
  );
}

/** A copy of the containers along a path (the rest shared), with own-property writes: "__proto__" as a key is a field, not the prototype. */
function copyOf(value: unknown): Record<string | number, unknown> {
  if (Array.isArray(value)) return [...value] as unknown as Record<number, unknown>;
  const out: Record<string, unknown> = Object.create(null);
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out[k] = v;
  return out;
}

function setAt(target: unknown, path: Path, change: { value: unknown } | "drop"): unknown {
  const out = copyOf(target);
  const [head, ...rest] = path;
  if (head === undefined) return out;
  if (rest.length > 0) out[head] = setAt(out[head], rest, change);
  else if (change === "drop") {
    if (Array.isArray(out)) (out as unknown[]).splice(Number(head), 1);
    else delete out[head];
  } else Object.defineProperty(out, head, { value: change.value, enumerable: true, writable: true, configurable: true });
  return out;
}

function applyMutations(base: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  let out: unknown = copyOf(base);
  for (const m of mutations) {
    if (m.kind === "extra") out = setAt(out, [m.key], { value: m.value });
    else if (m.kind === "drop") out = setAt(out, m.path, "drop");
    else out = setAt(out, m.path, { value: m.value });
  }
  return out;
}

/** A FormData upload spoiled the same way: its text fields hostile or missing, its file wrong. */
export function spoiledFormDataArb(base: FormData): fc.Arbitrary<FormData> {
  const fields = [...base.keys()];
  const hostileFile = fc.oneof(
    fc.constant(new File([], "rong.png", { type: "image/png" })),
    fc.constant(new File(["<script>alert(1)</script>"], "anh.png", { type: "image/png" })),
    fc.constant(new File(["<html><script>alert(1)</script></html>"], "../../../etc/passwd", { type: "text/html" })),
    hostileStringArb.map((name) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], name || "x", { type: "image/png" })),
  );
  const one = fc.oneof(
    fc.constantFrom(...fields).chain((key) => (base.get(key) instanceof File ? hostileFile : hostileStringArb).map((value) => ({ key, value: value as string | File | null }))),
    fc.constantFrom(...fields).map((key) => ({ key, value: null })),
    fc.tuple(fc.constantFrom("producerId", "wardId", "status"), hostileStringArb).map(([key, value]) => ({ key, value: value as string | File | null })),
  );
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((changes) => {
    const copy = new FormData();
    for (const [k, v] of base.entries()) copy.append(k, v);
    for (const { key, value } of changes) {
      if (value === null) copy.delete(key);
      else copy.set(key, value);
    }
    return copy;
  });
}

// ---------------------------------------------------------------------------------------------
// Messages

type Catalogue = Record<string, unknown>;

/** The text of a catalogue key in a language, or null when the key is missing. */
export function messageOf(locale: "vi" | "en", key: string): string | null {
  let node: unknown = MESSAGES[locale] as Catalogue;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !(part in (node as Catalogue))) return null;
    node = (node as Catalogue)[part];
  }
  return typeof node === "string" ? node : null;
}

/** Letters only Vietnamese (of the languages the portal speaks) writes: ă â đ ê ô ơ ư and the tone marks. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

export const isVietnamese = (text: string) => VIETNAMESE.test(text);

/** What is wrong with one field error key: null when it names a Vietnamese (and English) message. */
export function messageProblem(key: string): string | null {
  const vi = messageOf("vi", key);
  if (vi === null) return `${key}: missing in the Vietnamese catalogue`;
  if (messageOf("en", key) === null) return `${key}: missing in the English catalogue`;
  if (!isVietnamese(vi)) return `${key}: "${vi}" is not Vietnamese`;
  return null;
}
