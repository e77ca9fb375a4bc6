import "server-only";
import type { z } from "zod";
import type { registerProducerSchema, RegisterProducerInput } from "@/lib/validation/registration";
import type { Tx } from "./client";

type Data = z.output<typeof registerProducerSchema> & { passwordHash: string };
export type { RegisterProducerInput };

/** Which of the unique values are already taken, as field → message key. */
export async function registrationConflicts(db: Tx, d: Pick<Data, "taxCode" | "loginEmail" | "loginPhone">) {
  const [tax, email, phone] = await Promise.all([
    d.taxCode ? db.producer.findUnique({ where: { taxCode: d.taxCode }, select: { id: true } }) : null,
    d.loginEmail ? db.user.findUnique({ where: { email: d.loginEmail }, select: { id: true } }) : null,
    d.loginPhone ? db.user.findUnique({ where: { phone: d.loginPhone }, select: { id: true } }) : null,
  ]);
  const out: Record<string, string[]> = {};
  if (tax) out.taxCode = ["validation.taxCodeTaken"];
  if (email) out.loginEmail = ["validation.emailTaken"];
  if (phone) out.loginPhone = ["validation.phoneTaken"];
  return out;
}

/** A ward or commune that can receive producers (public reference data). */
export async function findReceivingWard(db: Tx, id: string) {
  return db.adminUnit.findFirst({ where: { id, kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, validTo: null }, select: { id: true, name: true } });
}

/** Creates the producer (awaiting verification) and its first account, in the caller's transaction. */
export async function createRegisteredProducer(db: Tx, d: Data) {
  const producer = await db.producer.create({
    data: {
      type: d.type,
      name: d.name,
      businessRegNo: d.businessRegNo,
      taxCode: d.taxCode,
      legalRepName: d.legalRepName,
      legalRepPosition: d.legalRepPosition,
      legalRepGender: d.legalRepGender,
      legalRepEthnicity: d.legalRepEthnicity,
      address: d.address,
      wardId: d.wardId,
      phone: d.phone,
      email: d.email,
      memberCount: d.memberCount,
      workerCount: d.workerCount,
      verificationStatus: "PENDING",
    },
    select: { id: true, name: true, wardId: true },
  });
  const user = await db.user.create({
    data: { name: d.fullName, email: d.loginEmail, phone: d.loginPhone, passwordHash: d.passwordHash, role: "PRODUCER", producerId: producer.id },
    select: { id: true, name: true, role: true },
  });
  return { producer, user };
}
