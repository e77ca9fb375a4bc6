// The authorization matrix (issue 8, part 1): every server action and every route handler, found
// on disk, called as every role and as a visitor, on a record in the actor's scope and on one
// outside it; each outcome is checked against authz-matrix.table.ts. An action or a route without
// a row fails the suite. Every action is then called once more with forged scope fields
// (producerId, wardId, councilId, status, userId pointing at the other side), which must change
// nothing outside the actor's scope.
//
// How "allowed" is told apart from a refusal: lib/actions/define-action.ts registers every action
// with its definition; the definition's `run` is wrapped here, and it is entered only after the
// record was loaded in scope and can() said yes. A call that enters it is allowed, whatever the
// run then answers (a conflict, a state that does not allow the step); one that does not is a
// 404 (NOT_FOUND), forbidden (FORBIDDEN) or sign-in (UNAUTHENTICATED) — anything else fails.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { registeredActions, type RegisteredAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/errors";
import { actAs } from "./act-as";
import { idsOf, makeMatrixWorld, outOfScopeSnapshot, round, SIDES, type MatrixWorld, type Side } from "./authz-fixtures";
import { ACTION_TABLE, expectationOf, ROLES, ROUTE_TABLE, SECONDARY_TABLE, type ActionRow, type Ctx, type Outcome, type RoleKey, type RouteRow } from "./authz-matrix.table";
import { db } from "./world";

// Uploads land in a folder of this file's own (read once by lib/env, before any app module);
// one trusted proxy, so the public forms' per-address limits see a new address on every call.
const client = vi.hoisted(() => {
  const run = Math.random().toString(36).slice(2, 10);
  const previous = { STORAGE_DIR: process.env.STORAGE_DIR, TRUSTED_PROXY_COUNT: process.env.TRUSTED_PROXY_COUNT };
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/ocop-authz-${run}`;
  process.env.TRUSTED_PROXY_COUNT = "1";
  return { next: 0, run, previous };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `203.0.113.${++client.next}-${client.run}` }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// Registration signs the new account in through Auth.js, which needs Next's server: a stub here.
vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }), CredentialsSignin: class extends Error {}, AuthError: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));
// The PDFs' access checks run before rendering; the rendering itself (seconds a page) is tested
// with the certificates and results. Here a page is a few bytes of PDF.
vi.mock("@/lib/pdf/certificate", async (original) => ({ ...(await original<object>()), renderCertificatePdf: async () => Buffer.from("%PDF-1.4 certificate") }));
vi.mock("@/lib/pdf/minutes", async (original) => ({ ...(await original<object>()), renderMinutesPdf: async () => Buffer.from("%PDF-1.4 minutes") }));
// The annual report's page names the ward it is about: that is what the matrix reads.
vi.mock("@/lib/pdf/annual-report", async (original) => ({
  ...(await original<object>()),
  renderAnnualReportPdf: async (data: { wardName?: string | null; year?: number }) => Buffer.from(`%PDF-1.4 ${data.wardName ?? "city"} ${data.year}`),
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const ACTIONS_DIR = path.join(ROOT, "lib/actions");
const APP_DIR = path.join(ROOT, "app");

// ---------------------------------------------------------------------------------------------
// Discovery

type Exported = { module: string; fn: (input: unknown) => Promise<unknown> };
const exported = new Map<string, Exported>();
const importFailures: string[] = [];
const duplicateExports: string[] = [];
let registry: RegisteredAction[] = [];
/** Names of the definitions whose run was entered during the current call, and ever. */
const reached = new Set<string>();
const everReached = new Set<string>();
/** Which definitions each exported action reached (the FormData wrappers call an inner one). */
const definitionsOf = new Map<string, Set<string>>();

function actionModules(): string[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && f !== "define-action.ts")
    .sort();
}

function routeFiles(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : /^route\.tsx?$/.test(e.name) ? [path.relative(APP_DIR, path.join(dir, e.name))] : []))
    .sort();
}

const instrumented = new WeakSet<object>();

async function discoverActions() {
  for (const file of actionModules()) {
    let mod: Record<string, unknown>;
    try {
      mod = await import(path.join(ACTIONS_DIR, file));
    } catch (error) {
      importFailures.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (exported.has(name)) duplicateExports.push(`${name} (${exported.get(name)!.module} and ${file})`);
      exported.set(name, { module: file, fn: value as Exported["fn"] });
    }
  }
  registry = registeredActions();
  for (const entry of registry) {
    if (instrumented.has(entry.definition)) continue;
    instrumented.add(entry.definition);
    const run = entry.definition.run as (...args: unknown[]) => Promise<unknown>;
    (entry.definition as { run: unknown }).run = (...args: unknown[]) => {
      reached.add(entry.name);
      everReached.add(entry.name);
      return run(...args);
    };
  }
}

const exportOf = (key: string) => key.replace(/\[.*\]$/, "");
const routeOf = (key: string) => key.replace(/#.*$/, "");

// ---------------------------------------------------------------------------------------------
// Calling

let mw: MatrixWorld;
let forgedRoundB: string;

function actorFor(role: RoleKey): Actor | null {
  const actors: Record<Exclude<RoleKey, "anonymous">, Actor> = {
    ECONOMIC_OFFICE: mw.economicOffice,
    WARD_OFFICER: mw.wardOfficerA,
    PRODUCER: mw.producerUserA,
    COUNCIL_MEMBER: mw.council,
    LEADER: mw.leader,
    ADMIN: mw.admin,
    COMMUNICATIONS: mw.communications,
  };
  return role === "anonymous" ? null : actors[role];
}

/** Calls an exported action as `actor`; the outcome as the table names it, or what went wrong. */
async function call(key: string, actor: Actor | null, input: unknown): Promise<{ outcome: string; result: unknown }> {
  const target = exported.get(exportOf(key));
  if (!target) throw new Error(`${exportOf(key)} is not exported by lib/actions`);
  reached.clear();
  actAs(actor);
  let result: unknown;
  try {
    result = await target.fn(input);
  } finally {
    actAs(null);
  }
  const entered = [...reached];
  const defs = definitionsOf.get(exportOf(key)) ?? new Set<string>();
  for (const name of entered) defs.add(name);
  definitionsOf.set(exportOf(key), defs);
  return { outcome: outcomeOf(result as ActionResult<unknown> | undefined, entered), result };
}

function outcomeOf(result: ActionResult<unknown> | undefined, entered: string[]): string {
  if (entered.length > 0) return result && !result.ok && result.code === "INTERNAL" ? "INTERNAL error after authorisation" : "allowed";
  if (!result || typeof result !== "object") return `returned ${JSON.stringify(result)} without entering an action`;
  if (result.ok) return "ok without entering an action's run";
  const named: Partial<Record<string, Outcome>> = { NOT_FOUND: "404", FORBIDDEN: "forbidden", UNAUTHENTICATED: "sign-in" };
  return named[result.code] ?? `${result.code} before authorisation ${JSON.stringify(result.fieldErrors ?? {})}`;
}

type Case = { role: RoleKey; side: Side; expected: Outcome };

/** Every role on both sides, refusals first: an allowed step may change the record the next case sees. */
function casesOf(cells: string): Case[] {
  const cases = ROLES.flatMap((role) => SIDES.map((side) => ({ role, side, expected: expectationOf(cells, role, side) })));
  const rank = (c: Case) => (c.expected === "allowed" ? 1 : 0);
  return cases.sort((a, b) => rank(a) - rank(b));
}

const sideLabel = (side: Side) => (side === "in" ? "in scope" : "out of scope");

// ---------------------------------------------------------------------------------------------
// Forged scope fields

const FORGED_KEYS = ["producerId", "wardId", "councilId", "status", "userId"] as const;

/** The keys an input schema declares (an object, possibly refined or intersected). */
function declaredKeys(schema: unknown): Set<string> | null {
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; left?: unknown; right?: unknown; in?: unknown } }).def;
  if (!def) return null;
  if (def.type === "object" && def.shape) return new Set(Object.keys(def.shape));
  if (def.type === "intersection") {
    const left = declaredKeys(def.left);
    const right = declaredKeys(def.right);
    return left && right ? new Set([...left, ...right]) : null;
  }
  if (def.type === "pipe") return declaredKeys(def.in);
  return null;
}

function forgedFields(declared: Set<string>): Record<string, string> {
  const values: Record<(typeof FORGED_KEYS)[number], string> = {
    producerId: mw.producerB.id,
    wardId: mw.wardB,
    councilId: forgedRoundB,
    status: "APPROVED",
    userId: mw.producerUserB.userId,
  };
  return Object.fromEntries(FORGED_KEYS.filter((k) => !declared.has(k)).map((k) => [k, values[k]]));
}

function withForged(input: unknown, fields: Record<string, string>): unknown {
  if (input instanceof FormData) {
    const copy = new FormData();
    for (const [k, v] of input.entries()) copy.append(k, v);
    for (const [k, v] of Object.entries(fields)) copy.set(k, v);
    return copy;
  }
  return { ...(input as object), ...fields };
}

/** Who sends the forged call: the row's choice, else the first role allowed in scope (scoped roles first). */
function forgerOf(row: ActionRow): RoleKey | null {
  if (row.forge?.role) return row.forge.role;
  const order: RoleKey[] = ["PRODUCER", "WARD_OFFICER", "COUNCIL_MEMBER", "ECONOMIC_OFFICE", "COMMUNICATIONS", "ADMIN", "LEADER", "anonymous"];
  return order.find((r) => expectationOf(row.expect, r, "in") === "allowed") ?? null;
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
let caseCount = 0;

beforeAll(async () => {
  await discoverActions();
  mw = await makeMatrixWorld();
  forgedRoundB = (await round(mw, "out")).id;
}, 120_000);

afterAll(() => {
  rmSync(process.env.STORAGE_DIR!, { recursive: true, force: true });
  // The next file in this worker reads its own environment, not this file's.
  for (const [key, value] of Object.entries(client.previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  console.info(`[authz-matrix] ${caseCount} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe("discovery", () => {
  it("every action module imports, and the wrapper registered its actions", () => {
    expect(importFailures).toEqual([]);
    expect(registry.length).toBeGreaterThan(50);
  });

  it("every exported server action has a row in the table, and every row an action", () => {
    const keys = Object.keys(ACTION_TABLE);
    const rowsFor = new Set(keys.map(exportOf));
    const missing = [...exported.keys()].filter((name) => !rowsFor.has(name));
    expect(missing, `actions without a row in authz-matrix.table.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = [...rowsFor].filter((name) => !exported.has(name));
    expect(stale, `rows of actions that no longer exist: ${stale.join(", ")}`).toEqual([]);
    expect(duplicateExports).toEqual([]);
  });

  it("every route handler under app/ has a row in the table, and every row a handler", () => {
    const files = routeFiles();
    const rows = new Set(Object.keys(ROUTE_TABLE).map(routeOf));
    const missing = files.filter((f) => !rows.has(f));
    expect(missing, `routes without a row in authz-matrix.table.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = [...rows].filter((f) => !files.includes(f));
    expect(stale, `rows of routes that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });
});

for (const [key, entry] of Object.entries(ACTION_TABLE)) {
  if ("exempt" in entry) continue;
  const row = entry;
  describe(key, () => {
    let f: unknown;
    let untouchedBefore: unknown;
    beforeAll(async () => {
      f = await row.setup(mw);
      if (row.untouched) untouchedBefore = await row.untouched(f, mw);
    }, 60_000);

    for (const c of casesOf(row.expect)) {
      it(`${key} as ${c.role} (${sideLabel(c.side)}): ${c.expected}`, async () => {
        caseCount++;
        const arranged = row.fresh ? await row.setup(mw) : f;
        const actor = actorFor(c.role);
        const input = await row.input(arranged, { mw, actor, side: c.side } satisfies Ctx);
        const { outcome, result } = await call(key, actor, input);
        expect(outcome, JSON.stringify(result)).toBe(c.expected);
      });
    }

    if (row.untouched) {
      it(`${key}: someone else's record is untouched by every case`, async () => {
        expect(await row.untouched!(f, mw)).toEqual(untouchedBefore);
      });
    }

    const forger = forgerOf(row);
    if (forger) {
      it(`${key} as ${forger} with forged producerId, wardId, councilId, status, userId: ignored`, async () => {
        caseCount++;
        const arranged = await row.setup(mw);
        const actor = actorFor(forger);
        const ctx: Ctx = { mw, actor, side: "in" };
        const base = await (row.forge?.input ?? row.input)(arranged, ctx);
        const definition = registry.find((r) => r.action === exported.get(exportOf(key))!.fn) ?? registry.find((r) => definitionsOf.get(exportOf(key))?.has(r.name));
        const declared = definition ? declaredKeys(definition.input) : null;
        const fields = forgedFields(declared ?? new Set());
        const input = withForged(base, fields);

        // The schema drops what it does not declare, so the action never sees a forged field.
        if (definition && declared && !(input instanceof FormData)) {
          const parsed = definition.input.safeParse(input);
          if (parsed.success) for (const k of Object.keys(fields)) expect(parsed.data as object, `parsed input keeps ${k}`).not.toHaveProperty(k);
        }

        const before = await outOfScopeSnapshot(mw);
        const since = new Date();
        const { outcome, result } = await call(key, actor, input);
        expect(["allowed", "VALIDATION"].some((o) => outcome.startsWith(o)), `${outcome} ${JSON.stringify(result)}`).toBe(true);
        expect(await outOfScopeSnapshot(mw), "the out-of-scope records after the forged call").toEqual(before);
        // What the call wrote is about the actor's side: no audit entry names an out-of-scope record.
        const audited = await db.auditEntry.findMany({ where: { at: { gte: since }, actorId: actor?.userId ?? null }, select: { action: true, entityId: true } });
        const outside = idsOf(before);
        expect(audited.filter((a) => outside.has(a.entityId))).toEqual([]);
        await row.forge?.check?.(arranged, mw);
      });
    }
  });
}

for (const [file, entry] of Object.entries(ROUTE_TABLE)) {
  if ("exempt" in entry) continue;
  const row: RouteRow = entry;
  describe(`route ${file}`, () => {
    let f: unknown;
    let GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    beforeAll(async () => {
      GET = (await import(path.join(APP_DIR, routeOf(file)))).GET;
      f = await row.setup(mw);
    }, 60_000);

    for (const c of casesOf(row.expect)) {
      it(`GET ${file} as ${c.role} (${sideLabel(c.side)}): ${c.expected}`, async () => {
        caseCount++;
        const actor = actorFor(c.role);
        const ctx: Ctx = { mw, actor, side: c.side };
        const { url, params = {} } = row.request(f, ctx);
        const marker = row.marker ? await row.marker(f, ctx) : null;
        actAs(actor);
        let outcome: string;
        try {
          outcome = await responseOutcome(await GET(new Request(new URL(url, "http://localhost")), { params: Promise.resolve(params) }), marker);
        } catch (error) {
          outcome = thrownOutcome(error);
        } finally {
          actAs(null);
        }
        expect(outcome).toBe(c.expected);
      });
    }
  });
}

async function responseOutcome(res: Response, marker: string | null): Promise<string> {
  if (res.status === 200) {
    // A 200 must carry what it promises, not an empty page; a list, the side's record or not.
    const body = Buffer.from(await res.arrayBuffer());
    if (body.byteLength === 0) return "200 with an empty body";
    if (marker === null) return "allowed";
    return (await textOf(body, res.headers.get("content-type") ?? "")).includes(marker) ? "allowed" : "404";
  }
  if (res.status === 404) return "404";
  if (res.status === 403) return "forbidden";
  if (res.status >= 300 && res.status < 400 && /\/login\b/.test(res.headers.get("location") ?? "")) return "sign-in";
  return `status ${res.status}`;
}

/** The text a response carries: every cell of a workbook, or the body itself. */
async function textOf(body: Buffer, contentType: string): Promise<string> {
  if (!contentType.includes("spreadsheetml")) return body.toString("utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((cell) => cells.push(cell.text))));
  return cells.join("\n");
}

/** next/navigation's redirect() and notFound() travel as errors with a digest. */
function thrownOutcome(error: unknown): string {
  const digest = String((error as { digest?: unknown })?.digest ?? "");
  const message = (error as Error)?.message ?? String(error);
  if ((digest.startsWith("NEXT_REDIRECT") && digest.includes("/login")) || /redirect to \/login/.test(message)) return "sign-in";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404") || digest === "NEXT_NOT_FOUND") return "404";
  return `threw ${message}`;
}

describe("ids of someone else's records inside an input", () => {
  for (const r of SECONDARY_TABLE) {
    it(`${r.action} as ${r.role} with ${r.what}: ${r.refusal}, and nothing outside its scope changes`, async () => {
      caseCount++;
      const f = await r.setup(mw);
      const actor = actorFor(r.role);
      const input = await r.input(f, { mw, actor, side: "in" });
      const before = await outOfScopeSnapshot(mw);
      const { result } = await call(r.action, actor, input);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: false, code: r.refusal });
      expect(await outOfScopeSnapshot(mw)).toEqual(before);
    });
  }
});

describe("coverage", () => {
  it("every registered action was authorised at least once through a row", () => {
    const never = registry.map((r) => r.name).filter((n) => !everReached.has(n));
    expect(never, `never allowed through the matrix: ${never.join(", ")}`).toEqual([]);
  });
});
