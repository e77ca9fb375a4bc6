"use server";
import { updateProducerContactSchema, verifyProducerSchema } from "@/lib/validation/producers";
import { notify } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import { findProducer } from "@/lib/db/producers";
import { AppError } from "@/lib/errors";
import { defineAction } from "./define-action";
import { PRODUCER_VERIFICATION_MACHINE, transition } from "@/lib/domain/workflow";

export const updateProducerContact = defineAction({
  name: "producer.updateContact",
  input: updateProducerContactSchema,
  permission: "producer.updateContact",
  load: ({ actor, input, tx }) => findProducer(actor, input.producerId, tx),
  resource: (p) => ({ type: "producer", id: p.id, wardId: p.wardId }),
  run: async ({ input, record, tx }) => {
    const next = { address: input.address, phone: input.phone, email: input.email };
    // Optimistic guard: a save by someone else since this form was filled is a conflict, not an
    // overwrite; the where-clause also catches a save that commits between our read and write.
    if (record.updatedAt.toISOString() !== input.version) throw new AppError("CONFLICT");
    const { count } = await tx.producer.updateMany({ where: { id: record.id, updatedAt: record.updatedAt }, data: next });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.producer.findUniqueOrThrow({ where: { id: record.id }, select: { updatedAt: true } });
    return {
      result: { producerId: record.id, version: saved.updatedAt.toISOString() },
      audit: {
        entityType: "Producer",
        entityId: record.id,
        before: { address: record.address, phone: record.phone, email: record.email },
        after: next,
      },
    };
  },
  revalidate: (r) => [`/producers/${r.producerId}`],
});

/** The ward (or the Economic Office) confirms a registered producer, which lets it submit. */
export const verifyProducer = defineAction({
  name: "producer.verify",
  input: verifyProducerSchema,
  permission: "producer.verify",
  load: ({ actor, input, tx }) => findProducer(actor, input.producerId, tx),
  resource: (p) => ({ type: "producer", id: p.id, wardId: p.wardId }),
  run: async ({ actor, input, record, tx }) => {
    const to = transition(PRODUCER_VERIFICATION_MACHINE, record.verificationStatus, input.decision === "VERIFIED" ? "verify" : "reject");
    if (to !== input.decision) throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.producer.updateMany({
      where: { id: record.id, verificationStatus: record.verificationStatus },
      data: { verificationStatus: input.decision, verifiedAt: input.decision === "VERIFIED" ? new Date() : null, verificationNote: input.note || null },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, {
      entityType: "Producer",
      entityId: record.id,
      action: input.decision === "VERIFIED" ? "verify" : "reject",
      fromStatus: record.verificationStatus,
      toStatus: input.decision,
      comment: input.note,
    });
    await notify(tx, actor, [{ kind: "producer", producerId: record.id }], {
      kind: input.decision === "VERIFIED" ? "producerVerified" : "producerRejected",
      params: { producer: record.name, note: input.note },
      href: `/producers/${record.id}`,
    });
    return {
      result: { producerId: record.id, status: input.decision },
      audit: { entityType: "Producer", entityId: record.id, before: { verificationStatus: record.verificationStatus }, after: { verificationStatus: input.decision, note: input.note } },
    };
  },
  revalidate: (r) => [`/producers/${r.producerId}`, "/producers"],
});
