"use server";
import type { Actor } from "@/lib/auth/actor";
import { annualPlanScope, findAnnualPlan, findCycleByYear, lockAnnualPlan, type AnnualPlanRecord } from "@/lib/db/annual-plans";
import { notify } from "@/lib/db/notifications";
import type { Tx } from "@/lib/db/tx";
import { activityDateProblems, doneOnProblem, isDuplicateTarget } from "@/lib/domain/annual-plan";
import { compareIsoDate, dateOf, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import {
  annualActivityDoneSchema,
  annualActivitySchema,
  annualBudgetLineSchema,
  annualPlanCreateSchema,
  annualPlanHeaderSchema,
  annualPlanItemDeleteSchema,
  annualTargetSchema,
} from "@/lib/validation/annual-plans";
import { defineAction } from "./define-action";

// The office writes the annual plan of a cycle (annualPlan.manage); leaders and wards read it.
// Every write runs under the plan's row lock, so the one-target-per-kind-star-ward rule holds
// when two officers add the same target at once.

const RESOURCE = { type: "annualPlan" } as const;
const today = () => vietnamDateOf(new Date());
/** A refusal the form shows as one sentence (a catalogue key), on a field or on the form ("_"). */
const refuse = (code: "VALIDATION" | "CONFLICT", key: string, field = "_") => new AppError(code, key, { [field]: [key] });
const paths = (year: number) => ["/annual-plans", `/annual-plans/${year}`, "/dashboard"];
// BigInt does not survive JSON: the audit log keeps đồng as digits.
const auditLine = (l: { source: string; stepNo: number | null; description: string; amount: bigint | number }) => ({ ...l, amount: l.amount.toString() });

/** The plan in scope, loaded for a write; a role that may not read plans gets 404. */
const loadPlan = ({ actor, input, tx }: { actor: Actor; input: { planId: string }; tx: Tx }) => findAnnualPlan(actor, input.planId, tx);

/** Locks the plan, then reads what the write depends on afresh (what was loaded may be stale). */
async function lockedItems(tx: Tx, planId: string) {
  await lockAnnualPlan(tx, planId);
  const [targets, lines, activities] = await Promise.all([
    tx.annualTarget.findMany({ where: { annualPlanId: planId }, select: { id: true, kind: true, star: true, wardId: true, quantity: true } }),
    tx.annualBudgetLine.findMany({ where: { annualPlanId: planId }, select: { id: true, source: true, stepNo: true, description: true, amount: true } }),
    tx.annualActivity.findMany({ where: { annualPlanId: planId }, select: { id: true, stepNo: true, title: true, owner: true, startsOn: true, endsOn: true, doneOn: true } }),
  ]);
  return { targets, lines, activities };
}

export const createAnnualPlan = defineAction({
  name: "annualPlan.create",
  input: annualPlanCreateSchema,
  permission: "annualPlan.manage",
  load: async ({ actor, input, tx }) => (annualPlanScope(actor) ? findCycleByYear(input.year, tx) : null),
  resource: () => RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    if (record.annualPlan) throw refuse("CONFLICT", "annualplanform.planExists");
    if (input.approvedOn && compareIsoDate(input.approvedOn, today()) > 0) throw refuse("VALIDATION", "annualplanform.approvedInFuture", "approvedOn");
    const data = { title: input.title, decisionNumber: input.decisionNumber, approvedOn: input.approvedOn ? dateOf(input.approvedOn) : null, note: input.note };
    // The cycle's unique plan: a second create racing this one fails on the unique key (CONFLICT).
    const plan = await tx.annualPlan.create({ data: { ...data, cycleId: record.id }, select: { id: true } });
    await notify(tx, actor, [{ kind: "role", role: "LEADER" }, { kind: "role", role: "WARD_OFFICER" }], {
      kind: "annualPlans.notices.planCreated",
      params: { year: String(record.year), title: input.title },
      href: `/annual-plans/${record.year}`,
    });
    return { result: { planId: plan.id, year: record.year }, audit: { entityType: "AnnualPlan", entityId: plan.id, after: { ...input, cycleId: record.id } } };
  },
  revalidate: (r) => paths(r.year),
});

export const updateAnnualPlanHeader = defineAction({
  name: "annualPlan.updateHeader",
  input: annualPlanHeaderSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    if (input.version !== record.version) throw new AppError("CONFLICT");
    if (input.approvedOn && compareIsoDate(input.approvedOn, today()) > 0) throw refuse("VALIDATION", "annualplanform.approvedInFuture", "approvedOn");
    const data = { title: input.title, decisionNumber: input.decisionNumber, approvedOn: input.approvedOn ? dateOf(input.approvedOn) : null, note: input.note };
    const { count } = await tx.annualPlan.updateMany({ where: { id: record.id, version: record.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    const before = { title: record.title, decisionNumber: record.decisionNumber, approvedOn: record.approvedOn ? isoOf(record.approvedOn) : null, note: record.note, version: record.version };
    return {
      result: { planId: record.id, year: record.cycle.year, version: record.version + 1 },
      audit: { entityType: "AnnualPlan", entityId: record.id, before, after: { ...input, version: record.version + 1 } },
    };
  },
  revalidate: (r) => paths(r.year),
});

/** The wards a target may name: the city's current wards and communes (as the ward filters offer). */
async function isCurrentWard(tx: Tx, wardId: string) {
  return (await tx.adminUnit.count({ where: { id: wardId, kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, validTo: null } })) === 1;
}

async function tellWard(tx: Tx, actor: Actor, plan: AnnualPlanRecord, wardId: string | null) {
  if (!wardId) return;
  await notify(tx, actor, [{ kind: "ward", wardId }], {
    kind: "annualPlans.notices.wardTargets",
    params: { year: String(plan.cycle.year) },
    href: `/annual-plans/${plan.cycle.year}`,
  });
}

export const saveAnnualTarget = defineAction({
  name: "annualPlan.saveTarget",
  input: annualTargetSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    const { targets } = await lockedItems(tx, record.id);
    const before = input.targetId ? targets.find((t) => t.id === input.targetId) : undefined;
    if (input.targetId && !before) throw new AppError("NOT_FOUND");
    if (input.wardId && !(await isCurrentWard(tx, input.wardId))) throw refuse("VALIDATION", "annualplanform.wardUnknown", "wardId");
    const data = { kind: input.kind, star: input.star ?? null, wardId: input.wardId ?? null, quantity: input.quantity };
    if (isDuplicateTarget(targets, data, input.targetId)) throw refuse("VALIDATION", "annualplanform.duplicateTarget");
    const saved = before
      ? await tx.annualTarget.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.annualTarget.create({ data: { ...data, annualPlanId: record.id }, select: { id: true } });
    await tellWard(tx, actor, record, data.wardId);
    if (before && before.wardId !== data.wardId) await tellWard(tx, actor, record, before.wardId);
    return { result: { targetId: saved.id, year: record.cycle.year }, audit: { entityType: "AnnualTarget", entityId: saved.id, before: before ?? null, after: { ...data, annualPlanId: record.id } } };
  },
  revalidate: (r) => paths(r.year),
});

export const deleteAnnualTarget = defineAction({
  name: "annualPlan.deleteTarget",
  input: annualPlanItemDeleteSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    const { targets } = await lockedItems(tx, record.id);
    const target = targets.find((t) => t.id === input.itemId);
    if (!target) throw new AppError("NOT_FOUND");
    await tx.annualTarget.delete({ where: { id: target.id } });
    await tellWard(tx, actor, record, target.wardId);
    return { result: { year: record.cycle.year }, audit: { entityType: "AnnualTarget", entityId: target.id, before: target } };
  },
  revalidate: (r) => paths(r.year),
});

export const saveAnnualBudgetLine = defineAction({
  name: "annualPlan.saveBudgetLine",
  input: annualBudgetLineSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    const { lines } = await lockedItems(tx, record.id);
    const before = input.lineId ? lines.find((l) => l.id === input.lineId) : undefined;
    if (input.lineId && !before) throw new AppError("NOT_FOUND");
    const data = { source: input.source, stepNo: input.stepNo ?? null, description: input.description, amount: BigInt(input.amount) };
    const saved = before
      ? await tx.annualBudgetLine.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.annualBudgetLine.create({ data: { ...data, annualPlanId: record.id }, select: { id: true } });
    return {
      result: { lineId: saved.id, year: record.cycle.year },
      audit: { entityType: "AnnualBudgetLine", entityId: saved.id, before: before ? auditLine(before) : null, after: { ...auditLine(data), annualPlanId: record.id } },
    };
  },
  revalidate: (r) => paths(r.year),
});

export const deleteAnnualBudgetLine = defineAction({
  name: "annualPlan.deleteBudgetLine",
  input: annualPlanItemDeleteSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    const { lines } = await lockedItems(tx, record.id);
    const line = lines.find((l) => l.id === input.itemId);
    if (!line) throw new AppError("NOT_FOUND");
    await tx.annualBudgetLine.delete({ where: { id: line.id } });
    return { result: { year: record.cycle.year }, audit: { entityType: "AnnualBudgetLine", entityId: line.id, before: auditLine(line) } };
  },
  revalidate: (r) => paths(r.year),
});

export const saveAnnualActivity = defineAction({
  name: "annualPlan.saveActivity",
  input: annualActivitySchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    // The form checks the dates against the year it shows; the plan's own year decides.
    const problems = activityDateProblems(input, record.cycle.year);
    if (problems.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) (fieldErrors[p.field] ??= []).push(`annualplanform.${p.code}`);
      throw new AppError("VALIDATION", undefined, fieldErrors);
    }
    const { activities } = await lockedItems(tx, record.id);
    const before = input.activityId ? activities.find((a) => a.id === input.activityId) : undefined;
    if (input.activityId && !before) throw new AppError("NOT_FOUND");
    const data = { stepNo: input.stepNo, title: input.title, owner: input.owner, startsOn: dateOf(input.startsOn), endsOn: dateOf(input.endsOn) };
    const saved = before
      ? await tx.annualActivity.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.annualActivity.create({ data: { ...data, annualPlanId: record.id }, select: { id: true } });
    const { planId: _p, activityId: _a, ...after } = input;
    void _p;
    void _a;
    return { result: { activityId: saved.id, year: record.cycle.year }, audit: { entityType: "AnnualActivity", entityId: saved.id, before: before ?? null, after: { ...after, annualPlanId: record.id } } };
  },
  revalidate: (r) => paths(r.year),
});

export const setAnnualActivityDone = defineAction({
  name: "annualPlan.setActivityDone",
  input: annualActivityDoneSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    const { activities } = await lockedItems(tx, record.id);
    const activity = activities.find((a) => a.id === input.activityId);
    if (!activity) throw new AppError("NOT_FOUND");
    let doneOn: string | null = null;
    if (input.done) {
      doneOn = input.doneOn ?? today();
      const problem = doneOnProblem(doneOn, record.cycle.year, today());
      if (problem) throw refuse("VALIDATION", `annualplanform.${problem}`, "doneOn");
    }
    await tx.annualActivity.update({ where: { id: activity.id }, data: { doneOn: doneOn ? dateOf(doneOn) : null } });
    return {
      result: { activityId: activity.id, year: record.cycle.year },
      audit: { entityType: "AnnualActivity", entityId: activity.id, before: { doneOn: activity.doneOn ? isoOf(activity.doneOn) : null }, after: { doneOn } },
    };
  },
  revalidate: (r) => paths(r.year),
});

export const deleteAnnualActivity = defineAction({
  name: "annualPlan.deleteActivity",
  input: annualPlanItemDeleteSchema,
  permission: "annualPlan.manage",
  load: loadPlan,
  resource: () => RESOURCE,
  run: async ({ input, record, tx }) => {
    const { activities } = await lockedItems(tx, record.id);
    const activity = activities.find((a) => a.id === input.itemId);
    if (!activity) throw new AppError("NOT_FOUND");
    await tx.annualActivity.delete({ where: { id: activity.id } });
    return { result: { year: record.cycle.year }, audit: { entityType: "AnnualActivity", entityId: activity.id, before: activity } };
  },
  revalidate: (r) => paths(r.year),
});
