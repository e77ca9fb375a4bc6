"use server";
import { updateProducerContactSchema } from "@/lib/validation/producers";
import { findProducer } from "@/lib/db/producers";
import { AppError } from "@/lib/errors";
import { defineAction } from "./define-action";

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
