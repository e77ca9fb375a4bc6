import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Action, type Resource } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { prisma, type Tx } from "@/lib/db/client";
import { writeAudit, type AuditInput } from "@/lib/db/audit";
import { AppError, fieldErrorsOf, type ActionResult } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/mail/outbox";

type Context<I, R> = { actor: Actor; input: I; record: R; tx: Tx };

export type ActionDefinition<S extends z.ZodType, R, T> = {
  /** Recorded in the audit log, e.g. "user.endSessions". */
  name: string;
  input: S;
  /** What the actor must be allowed to do to the loaded record (may depend on the input). */
  permission: Action | ((input: z.output<S>, record: R) => Action);
  /** Loads the target in the actor's scope (inside the transaction); null answers 404. */
  load: (ctx: { actor: Actor; input: z.output<S>; tx: Tx }) => Promise<R | null>;
  resource: (record: R) => Resource;
  /** The change itself; returns the result and what the audit entry records. */
  run: (ctx: Context<z.output<S>, R>) => Promise<{ result: T; audit: Omit<AuditInput, "action"> }>;
  revalidate?: (result: T, input: z.output<S>) => string[];
};

/**
 * Every server action is a public endpoint. This is the one path for writes:
 * parse → session → load in scope → can → change + audit in one transaction → revalidate.
 */
export function defineAction<S extends z.ZodType, R, T>(def: ActionDefinition<S, R, T>) {
  const action = async function action(raw: unknown): Promise<ActionResult<T>> {
    const parsed = def.input.safeParse(storable(raw));
    if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    // The session is checked against the database: with the database down this fails, and the
    // form should say so in its usual words rather than the request ending in a 500.
    let actor: Awaited<ReturnType<typeof getActor>>;
    try {
      actor = await getActor();
    } catch (error) {
      return failure(error, def.name);
    }
    if (!actor) return { ok: false, code: "UNAUTHENTICATED" };
    try {
      const result = await prisma.$transaction(
        async (tx) => {
        const record = await def.load({ actor, input: parsed.data, tx });
        if (record === null) throw new AppError("NOT_FOUND");
        const permission = typeof def.permission === "function" ? def.permission(parsed.data, record) : def.permission;
        if (!can(actor, permission, def.resource(record))) throw new AppError("FORBIDDEN");
        const { result, audit } = await def.run({ actor, input: parsed.data, record, tx });
        await writeAudit(tx, actor, { action: def.name, ...audit });
        return result;
        },
        // Bulk decisions and uploads take longer than Prisma's 5-second default.
        { timeout: 30_000, maxWait: 10_000 },
      );
      for (const path of def.revalidate?.(result, parsed.data) ?? []) revalidatePath(path);
      scheduleOutboxDelivery();
      return { ok: true, data: result };
    } catch (error) {
      return failure(error, def.name);
    }
  };
  register({ kind: "scoped", name: def.name, input: def.input, definition: def, action });
  return action;
}

/**
 * For the few writes a visitor makes before having an account (registration): the same parse →
 * transaction with audit path, with no actor. Anything scoped must not use this.
 */
export function definePublicAction<S extends z.ZodType, T, P = undefined>(def: {
  name: string;
  input: S;
  /** Slow or rate-limited work done before the transaction opens (e.g. hashing a password). */
  prepare?: (input: z.output<S>) => Promise<P>;
  run: (ctx: { input: z.output<S>; prepared: P; tx: Tx }) => Promise<{ result: T; audit: Omit<AuditInput, "action"> }>;
}) {
  const action = async function action(raw: unknown): Promise<ActionResult<T>> {
    const parsed = def.input.safeParse(storable(raw));
    if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    try {
      const prepared = (await def.prepare?.(parsed.data)) as P;
      const result = await prisma.$transaction(async (tx) => {
        const { result, audit } = await def.run({ input: parsed.data, prepared, tx });
        await writeAudit(tx, null, { action: def.name, ...audit });
        return result;
      });
      scheduleOutboxDelivery();
      return { ok: true, data: result };
    } catch (error) {
      return failure(error, def.name);
    }
  };
  register({ kind: "public", name: def.name, input: def.input, definition: def, action });
  return action;
}

/**
 * Every action built by this module, by name (names are unique: they are the audit log's words).
 * The authorization matrix (tests/integration/authz-matrix.test.ts) reads it to find every action,
 * exported or wrapped (the FormData uploads), and to see whether a call got past load and can().
 */
export type RegisteredAction = {
  kind: "scoped" | "public";
  name: string;
  input: z.ZodType;
  /** The definition object the action reads on every call (its `run` is reached only once authorised). */
  definition: { run: (...args: never[]) => Promise<unknown> };
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
};
const REGISTRY = new Map<string, RegisteredAction>();

function register(entry: RegisteredAction) {
  REGISTRY.set(entry.name, entry);
}

export function registeredActions(): RegisteredAction[] {
  return [...REGISTRY.values()];
}

/**
 * Every string of an input as PostgreSQL can store it: a NUL dropped, a lone surrogate made U+FFFD.
 * A browser sends neither; a crafted request can, and the database then refused the write with an
 * unhandled error (found by tests/integration/fuzz-actions.test.ts). Files and dates pass as they are.
 */
function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  const proto = value && typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, storable(v)]));
  return value;
}

function failure(error: unknown, name: string): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") return { ok: false, code: "CONFLICT" };
  if (prismaCode === "P2025") return { ok: false, code: "CONFLICT" };
  console.error(`[action ${name}]`, error);
  return { ok: false, code: "INTERNAL" };
}
