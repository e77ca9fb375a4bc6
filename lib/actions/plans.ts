"use server";
import type { Actor } from "@/lib/auth/actor";
import { PLAN_ACTION_PERMISSION } from "@/lib/auth/workflow-permissions";
import { findIdea, ideaResource, type IdeaRecord } from "@/lib/db/ideas";
import { notify, type Audience } from "@/lib/db/notifications";
import { findPlan, planResource, type PlanRecord } from "@/lib/db/plans";
import { recordStatusChange } from "@/lib/db/timeline";
import type { Tx } from "@/lib/db/tx";
import { BUSINESS_PLAN_MACHINE, isEditableByOwner, isReportingPhase, isSupportPhase, transition, type BusinessPlanAction } from "@/lib/domain/workflow";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { supportStatusSchema, milestoneReportSchema, planCommentSchema, planDraftSchema, planSubmissionSchema, planTransitionSchema, supportActivitySchema } from "@/lib/validation/plans";
import { defineAction } from "./define-action";

type Loaded = { kind: "new"; idea: IdeaRecord } | { kind: "existing"; plan: PlanRecord };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const savePlanDraft = defineAction({
  name: "plan.saveDraft",
  input: planDraftSchema,
  permission: (_input, l: Loaded) => (l.kind === "new" ? "plan.create" : "plan.edit"),
  load: async ({ actor, input, tx }): Promise<Loaded | null> => {
    if (input.planId) {
      const plan = await findPlan(actor, input.planId, tx);
      return plan ? { kind: "existing", plan } : null;
    }
    const idea = await findIdea(actor, input.ideaId, tx);
    return idea ? { kind: "new", idea } : null;
  },
  resource: (l) => (l.kind === "new" ? { ...ideaResource(l.idea), type: "plan" } : planResource(l.plan)),
  run: async ({ input, record, tx }) => {
    const { planId: _p, ideaId: _i, version, milestones, financials, ...fields } = input;
    void _p;
    void _i;
    // An empty profit is computed; a typed one (a loss, say) is kept as written.
    const money = financials.map((f) => ({ ...f, profit: f.profit ?? (f.revenue !== null && f.cost !== null ? f.revenue - f.cost : null) }));
    const data = { ...fields, financials: money };
    let id: string;
    if (record.kind === "existing") {
      if (!isEditableByOwner(BUSINESS_PLAN_MACHINE, record.plan.status)) throw new AppError("INVALID_TRANSITION");
      if (version !== record.plan.updatedAt.toISOString()) throw new AppError("CONFLICT");
      const { count } = await tx.businessPlan.updateMany({ where: { id: record.plan.id, updatedAt: record.plan.updatedAt }, data });
      if (count !== 1) throw new AppError("CONFLICT");
      id = record.plan.id;
      await tx.planMilestone.deleteMany({ where: { planId: id, reportedAt: null } });
    } else {
      // A plan follows an idea the city accepted, one plan per idea.
      if (record.idea.status !== "ACCEPTED" || record.idea.plan) throw new AppError("INVALID_TRANSITION");
      id = (await tx.businessPlan.create({ data: { ...data, ideaId: record.idea.id, producerId: record.idea.producerId }, select: { id: true } })).id;
    }
    await tx.planMilestone.createMany({ data: milestones.map((m, i) => ({ planId: id, title: m.title, dueOn: day(m.dueOn), sortOrder: i })) });
    const saved = await tx.businessPlan.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    return {
      result: { planId: id, version: saved.updatedAt.toISOString() },
      audit: { entityType: "BusinessPlan", entityId: id, before: record.kind === "existing" ? record.plan : null, after: { ...data, milestones } },
    };
  },
  revalidate: (r) => ["/plans", `/plans/${r.planId}`],
});

const NOTICE: Record<BusinessPlanAction, { kind: string; to: (p: PlanRecord) => Audience[] }> = {
  submit: { kind: "planSubmitted", to: (p) => [{ kind: "role", role: "ECONOMIC_OFFICE" }, { kind: "ward", wardId: p.producer.wardId }] },
  resubmit: { kind: "planSubmitted", to: (p) => [{ kind: "role", role: "ECONOMIC_OFFICE" }, { kind: "ward", wardId: p.producer.wardId }] },
  withdraw: { kind: "planWithdrawn", to: (p) => [{ kind: "role", role: "ECONOMIC_OFFICE" }, { kind: "ward", wardId: p.producer.wardId }] },
  return: { kind: "planReturned", to: (p) => [{ kind: "producer", producerId: p.producerId }, { kind: "ward", wardId: p.producer.wardId }] },
  reject: { kind: "planRejected", to: (p) => [{ kind: "producer", producerId: p.producerId }, { kind: "ward", wardId: p.producer.wardId }] },
  approve: { kind: "planApproved", to: (p) => [{ kind: "producer", producerId: p.producerId }, { kind: "ward", wardId: p.producer.wardId }] },
  "start-implementation": { kind: "planApproved", to: (p) => [{ kind: "producer", producerId: p.producerId }] },
  "mark-ready": { kind: "planReady", to: (p) => [{ kind: "producer", producerId: p.producerId }, { kind: "ward", wardId: p.producer.wardId }] },
};

async function applyPlanTransition(tx: Tx, actor: Actor, plan: PlanRecord, action: BusinessPlanAction, comment: string) {
  const to = transition(BUSINESS_PLAN_MACHINE, plan.status, action);
  if (!to) throw new AppError("INVALID_TRANSITION");
  const data: Record<string, unknown> = { status: to };
  if (action === "submit" || action === "resubmit") {
    if (plan.producer.verificationStatus !== "VERIFIED") throw new AppError("PRODUCER_NOT_VERIFIED");
    const check = planSubmissionSchema.safeParse(plan);
    if (!check.success) throw new AppError("INCOMPLETE", undefined, fieldErrorsOf(check.error.issues));
    Object.assign(data, { version: plan.version + 1, submittedAt: new Date() });
  }
  if (action === "approve" || action === "reject") data.decidedAt = new Date();
  const { count } = await tx.businessPlan.updateMany({ where: { id: plan.id, status: plan.status, updatedAt: plan.updatedAt }, data });
  if (count !== 1) throw new AppError("CONFLICT");
  await recordStatusChange(tx, actor, { entityType: "BusinessPlan", entityId: plan.id, action, fromStatus: plan.status, toStatus: to, comment });
  const notice = NOTICE[action];
  if (!(action === "withdraw" && plan.version === 0)) await notify(tx, actor, notice.to(plan), { kind: notice.kind, params: { name: plan.idea.productName }, href: `/plans/${plan.id}` });
  return to;
}

export const transitionPlan = defineAction({
  name: "plan.transition",
  input: planTransitionSchema,
  permission: (input) => PLAN_ACTION_PERMISSION[input.action],
  load: ({ actor, input, tx }) => findPlan(actor, input.planId, tx),
  resource: planResource,
  run: async ({ actor, input, record, tx }) => {
    const to = await applyPlanTransition(tx, actor, record, input.action, input.comment);
    return {
      result: { planId: record.id, status: to },
      audit: { entityType: "BusinessPlan", entityId: record.id, before: { status: record.status }, after: { status: to, action: input.action, comment: input.comment } },
    };
  },
  revalidate: (r) => ["/plans", `/plans/${r.planId}`],
});

/** The ward (or the office) comments on a plan without changing its status; it shows on the timeline. */
export const commentOnPlan = defineAction({
  name: "plan.comment",
  input: planCommentSchema,
  permission: "plan.comment",
  load: ({ actor, input, tx }) => findPlan(actor, input.planId, tx),
  resource: planResource,
  run: async ({ actor, input, record, tx }) => {
    await recordStatusChange(tx, actor, { entityType: "BusinessPlan", entityId: record.id, action: "comment", fromStatus: record.status, toStatus: record.status, comment: input.comment });
    const to: Audience[] = [{ kind: "producer", producerId: record.producerId }, actor.role === "WARD_OFFICER" ? { kind: "role", role: "ECONOMIC_OFFICE" } : { kind: "ward", wardId: record.producer.wardId }];
    await notify(tx, actor, to, { kind: "planCommented", params: { name: record.idea.productName }, href: `/plans/${record.id}` });
    return { result: { planId: record.id }, audit: { entityType: "BusinessPlan", entityId: record.id, after: { comment: input.comment } } };
  },
  revalidate: (r) => [`/plans/${r.planId}`],
});


export const logSupportActivity = defineAction({
  name: "plan.logSupport",
  input: supportActivitySchema,
  permission: "plan.manageSupport",
  load: ({ actor, input, tx }) => findPlan(actor, input.planId, tx),
  resource: planResource,
  run: async ({ actor, input, record, tx }) => {
    if (!isSupportPhase(record.status)) throw new AppError("INVALID_TRANSITION");
    const row = await tx.supportActivity.create({
      data: {
        planId: record.id,
        kind: input.kind,
        fundingSource: input.fundingSource,
        amount: input.amount === null ? null : BigInt(input.amount),
        date: day(input.date),
        status: input.status,
        note: input.note,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await notify(tx, actor, [{ kind: "producer", producerId: record.producerId }], {
      kind: "supportLogged",
      params: { name: record.idea.productName },
      href: `/plans/${record.id}`,
    });
    return { result: { planId: record.id, supportId: row.id }, audit: { entityType: "SupportActivity", entityId: row.id, after: { ...input, planId: record.id } } };
  },
  revalidate: (r) => [`/plans/${r.planId}`],
});

export const reportMilestone = defineAction({
  name: "plan.reportMilestone",
  input: milestoneReportSchema,
  permission: "plan.reportMilestone",
  load: ({ actor, input, tx }) => findPlan(actor, input.planId, tx),
  resource: planResource,
  run: async ({ actor, input, record, tx }) => {
    if (!isReportingPhase(record.status)) throw new AppError("INVALID_TRANSITION");
    const milestone = record.milestones.find((m) => m.id === input.milestoneId);
    if (!milestone) throw new AppError("NOT_FOUND");
    await tx.planMilestone.update({ where: { id: milestone.id }, data: { doneOn: day(input.doneOn), report: input.report, reportedAt: new Date() } });
    await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }, { kind: "ward", wardId: record.producer.wardId }], {
      kind: "milestoneReported",
      params: { name: record.idea.productName, milestone: milestone.title },
      href: `/plans/${record.id}`,
    });
    return { result: { planId: record.id }, audit: { entityType: "PlanMilestone", entityId: milestone.id, before: milestone, after: { doneOn: input.doneOn, report: input.report } } };
  },
  revalidate: (r) => [`/plans/${r.planId}`],
});

/** Support moves from planned to done (or is cancelled) as it happens; the log keeps who and when. */
export const updateSupportStatus = defineAction({
  name: "plan.updateSupport",
  input: supportStatusSchema,
  permission: "plan.manageSupport",
  load: ({ actor, input, tx }) => findPlan(actor, input.planId, tx),
  resource: planResource,
  run: async ({ input, record, tx }) => {
    const before = await tx.supportActivity.findFirst({ where: { id: input.supportId, planId: record.id }, select: { id: true, status: true } });
    if (!before) throw new AppError("NOT_FOUND");
    // Guarded on the status read: of two officers changing it at once, the second is told.
    const { count } = await tx.supportActivity.updateMany({ where: { id: before.id, status: before.status }, data: { status: input.status } });
    if (count !== 1) throw new AppError("CONFLICT");
    return { result: { planId: record.id }, audit: { entityType: "SupportActivity", entityId: before.id, before, after: { status: input.status } } };
  },
  revalidate: (r) => [`/plans/${r.planId}`],
});
