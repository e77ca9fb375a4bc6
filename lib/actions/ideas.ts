"use server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { IDEA_ACTION_PERMISSION } from "@/lib/auth/workflow-permissions";
import type { Tx } from "@/lib/db/tx";
import { findIdea, ideaNamesNear, ideaResource, type IdeaRecord } from "@/lib/db/ideas";
import { notify, type Audience } from "@/lib/db/notifications";
import { findProducer } from "@/lib/db/producers";
import { cycleExists } from "@/lib/db/cycles";
import { recordStatusChange } from "@/lib/db/timeline";
import { writeAudit } from "@/lib/db/audit";
import { defaultVietnamHolidays, findSimilarNames, ideaWardDueOn, vietnamDateOf } from "@/lib/domain";
import { IDEA_MACHINE, isEditableByOwner, transition, type IdeaAction } from "@/lib/domain/workflow";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { bulkIdeaDecisionSchema, ideaDraftSchema, ideaSubmissionSchema, ideaTransitionSchema } from "@/lib/validation/ideas";
import { defineAction } from "./define-action";

const HOLIDAYS = defaultVietnamHolidays();

type Loaded = { kind: "new"; producer: NonNullable<Awaited<ReturnType<typeof findProducer>>> } | { kind: "existing"; idea: IdeaRecord };

/** Saves a draft (new or existing). Allowed while the idea is the producer's to edit. */
export const saveIdeaDraft = defineAction({
  name: "idea.saveDraft",
  input: ideaDraftSchema,
  permission: (_input, loaded: Loaded) => (loaded.kind === "new" ? "idea.create" : "idea.edit"),
  load: async ({ actor, input, tx }): Promise<Loaded | null> => {
    if (input.ideaId) {
      const idea = await findIdea(actor, input.ideaId, tx);
      return idea ? { kind: "existing", idea } : null;
    }
    // The producer comes from the session, never from the form.
    const producer = actor.producerId ? await findProducer(actor, actor.producerId, tx) : null;
    return producer ? { kind: "new", producer } : null;
  },
  resource: (l) => (l.kind === "new" ? { type: "producer", id: l.producer.id, wardId: l.producer.wardId } : ideaResource(l.idea)),
  run: async ({ input, record, tx }) => {
    const { ideaId: _id, version, ...fields } = input;
    void _id;
    // Ideas join a cycle the Economic Office has opened, not any year a form can send.
    if (!(await cycleExists(tx, fields.cycleYear))) throw new AppError("VALIDATION", undefined, { cycleYear: ["validation.choose"] });
    let id: string;
    let before: unknown = null;
    let producer: { id: string; wardId: string };
    if (record.kind === "existing") {
      if (!isEditableByOwner(IDEA_MACHINE, record.idea.status)) throw new AppError("INVALID_TRANSITION");
      // The draft on screen must be the one stored: another tab's save is a conflict, not lost.
      if (version !== record.idea.updatedAt.toISOString()) throw new AppError("CONFLICT");
      const { count } = await tx.productIdea.updateMany({
        where: { id: record.idea.id, status: record.idea.status, updatedAt: record.idea.updatedAt },
        data: fields,
      });
      if (count !== 1) throw new AppError("CONFLICT");
      id = record.idea.id;
      before = record.idea;
      producer = { id: record.idea.producerId, wardId: record.idea.producer.wardId };
    } else {
      const created = await tx.productIdea.create({ data: { ...fields, producerId: record.producer.id }, select: { id: true } });
      id = created.id;
      producer = { id: record.producer.id, wardId: record.producer.wardId };
    }
    const near = await ideaNamesNear(producer, id, tx);
    const similarOwn = findSimilarNames(fields.productName, near.own).map((m) => m.name);
    const similarWardCount = findSimilarNames(fields.productName, near.ward).length;
    return {
      result: { ideaId: id, similarOwn, similarWardCount, version: (await tx.productIdea.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt.toISOString() },
      audit: { entityType: "ProductIdea", entityId: id, before, after: fields },
    };
  },
  revalidate: (r) => ["/ideas", `/ideas/${r.ideaId}`],
});


const NOTICE: Record<IdeaAction, { kind: string; to: (i: IdeaRecord) => Audience[] }> = {
  submit: { kind: "ideaSubmitted", to: (i) => [{ kind: "ward", wardId: i.producer.wardId }] },
  resubmit: { kind: "ideaSubmitted", to: (i) => [{ kind: "ward", wardId: i.producer.wardId }] },
  withdraw: { kind: "ideaWithdrawn", to: (i) => [{ kind: "ward", wardId: i.producer.wardId }] },
  return: { kind: "ideaReturned", to: (i) => [{ kind: "producer", producerId: i.producerId }] },
  reject: { kind: "ideaRejected", to: (i) => [{ kind: "producer", producerId: i.producerId }, { kind: "ward", wardId: i.producer.wardId }] },
  forward: { kind: "ideaForwarded", to: (i) => [{ kind: "producer", producerId: i.producerId }, { kind: "role", role: "ECONOMIC_OFFICE" }] },
  accept: { kind: "ideaAccepted", to: (i) => [{ kind: "producer", producerId: i.producerId }, { kind: "ward", wardId: i.producer.wardId }] },
};

/** The fields the producer wrote, as they stood when submitted. */
function ideaSnapshot(idea: IdeaRecord, version: number) {
  const keys = ["productName", "novelty", "criteriaSetNo", "description", "rawMaterials", "localLabour", "localWorkerCount", "ideaOrigin", "localIdentity", "targetMarket", "cycleYear"] as const;
  return { version, ...Object.fromEntries(keys.map((k) => [k, idea[k]])) };
}

/**
 * One step of the idea's workflow: the transition table decides whether it exists, the policy
 * who may take it; the write is guarded on the status it was read in.
 */
async function applyIdeaTransition(tx: Tx, actor: Actor, idea: IdeaRecord, action: IdeaAction, comment: string) {
  const to = transition(IDEA_MACHINE, idea.status, action);
  if (!to) throw new AppError("INVALID_TRANSITION");
  const now = new Date();
  const data: Record<string, unknown> = { status: to };
  if (action === "submit" || action === "resubmit") {
    if (idea.producer.verificationStatus !== "VERIFIED") throw new AppError("PRODUCER_NOT_VERIFIED");
    const missing = ideaSubmissionSchema.safeParse(idea);
    if (!missing.success) throw new AppError("INCOMPLETE", undefined, fieldErrorsOf(missing.error.issues));
    const version = idea.version + 1;
    Object.assign(data, { version, submittedAt: now, wardDueOn: new Date(`${ideaWardDueOn(vietnamDateOf(now), HOLIDAYS)}T00:00:00Z`) });
    // Each submitted version is kept, so the ward sees what changed after a return.
    await tx.ideaRevision.create({ data: { ideaId: idea.id, version, snapshot: ideaSnapshot(idea, version) } });
  }
  if (action === "accept" || action === "reject") data.decidedAt = now;
  // Leaving the ward's desk ends its deadline, so decided ideas no longer sort as if pending.
  if (to !== "SUBMITTED") data.wardDueOn = null;
  // Guarded on the version read: the revision snapshot above is exactly what gets submitted.
  const { count } = await tx.productIdea.updateMany({ where: { id: idea.id, status: idea.status, updatedAt: idea.updatedAt }, data });
  if (count !== 1) throw new AppError("CONFLICT");
  await recordStatusChange(tx, actor, { entityType: "ProductIdea", entityId: idea.id, action, fromStatus: idea.status, toStatus: to, comment });
  const notice = NOTICE[action];
  // A draft never submitted is private: withdrawing it tells nobody.
  if (!(action === "withdraw" && idea.version === 0)) await notify(tx, actor, notice.to(idea), {
    kind: notice.kind,
    params: { name: idea.productName, producer: idea.producer.name },
    href: `/ideas/${idea.id}`,
  });
  return to;
}

export const transitionIdea = defineAction({
  name: "idea.transition",
  input: ideaTransitionSchema,
  permission: (input) => IDEA_ACTION_PERMISSION[input.action],
  load: ({ actor, input, tx }) => findIdea(actor, input.ideaId, tx),
  resource: ideaResource,
  run: async ({ actor, input, record, tx }) => {
    const to = await applyIdeaTransition(tx, actor, record, input.action, input.comment);
    return {
      result: { ideaId: record.id, status: to },
      audit: { entityType: "ProductIdea", entityId: record.id, before: { status: record.status }, after: { status: to, action: input.action, comment: input.comment } },
    };
  },
  revalidate: (r) => ["/ideas", `/ideas/${r.ideaId}`],
});

type BulkOutcome = { ideaId: string; name: string; changed: boolean; code?: string };

/**
 * The Economic Office accepts or returns many forwarded ideas at once. Each idea is checked on its
 * own; the summary says which changed and why the others did not.
 */
export const bulkDecideIdeas = defineAction({
  name: "idea.bulkDecide",
  input: bulkIdeaDecisionSchema,
  permission: "idea.accept",
  load: async ({ actor, input, tx }) => {
    const ideas = await Promise.all([...new Set(input.ideaIds)].map((id) => findIdea(actor, id, tx)));
    return { ideas, ids: [...new Set(input.ideaIds)] };
  },
  // The batch needs an office actor; each idea is authorised again below.
  resource: () => ({ type: "idea", id: "", producerId: "", wardId: "", status: "WARD_ACCEPTED" }),
  run: async ({ actor, input, record, tx }) => {
    const outcomes: BulkOutcome[] = [];
    for (const [i, idea] of record.ideas.entries()) {
      if (!idea) {
        outcomes.push({ ideaId: record.ids[i]!, name: "", changed: false, code: "NOT_FOUND" });
        continue;
      }
      const permission = input.action === "accept" ? "idea.accept" : "idea.review";
      if (!can(actor, permission, ideaResource(idea)) || !transition(IDEA_MACHINE, idea.status, input.action)) {
        outcomes.push({ ideaId: idea.id, name: idea.productName, changed: false, code: "INVALID_TRANSITION" });
        continue;
      }
      let to: string;
      try {
        to = await applyIdeaTransition(tx, actor, idea, input.action, input.comment);
      } catch (error) {
        // Expected refusals (a concurrent change, say) skip this idea only; they are raised before
        // any statement fails, so the transaction carries on with the others.
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ ideaId: idea.id, name: idea.productName, changed: false, code: error.code });
        continue;
      }
      await writeAudit(tx, actor, { action: "idea.transition", entityType: "ProductIdea", entityId: idea.id, before: { status: idea.status }, after: { status: to, action: input.action } });
      outcomes.push({ ideaId: idea.id, name: idea.productName, changed: true });
    }
    return {
      result: { outcomes, changed: outcomes.filter((o) => o.changed).length, skipped: outcomes.filter((o) => !o.changed).length },
      audit: { entityType: "ProductIdea", entityId: "bulk", after: { action: input.action, outcomes } },
    };
  },
  revalidate: () => ["/ideas"],
});
