"use server";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { clientAddress, signIn } from "@/lib/auth/auth";
import { consumeAllowance } from "@/lib/db/sign-in";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { notify } from "@/lib/db/notifications";
import { createRegisteredProducer, findReceivingWard, registrationConflicts } from "@/lib/db/registration";
import { AppError, type ActionResult } from "@/lib/errors";
import { registerProducerSchema } from "@/lib/validation/registration";
import { definePublicAction } from "./define-action";

const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 5;

const createProducerAccount = definePublicAction({
  name: "producer.register",
  input: registerProducerSchema,
  // Each registration alerts officials by e-mail: an address gets a few an hour, not a flood.
  prepare: async (input) => {
    const ip = clientAddress((await headers()).get("x-forwarded-for"), env.TRUSTED_PROXY_COUNT);
    if (ip && !(await consumeAllowance(`register:${ip}`, REGISTRATIONS_PER_ADDRESS_PER_HOUR, 3_600_000))) throw new AppError("RATE_LIMITED");
    return { passwordHash: await hashPassword(input.password) };
  },
  run: async ({ input, prepared, tx }) => {
    const conflicts = await registrationConflicts(tx, input);
    if (Object.keys(conflicts).length > 0) throw new AppError("CONFLICT", undefined, conflicts);
    if (!(await findReceivingWard(tx, input.wardId))) throw new AppError("VALIDATION", undefined, { wardId: ["validation.choose"] });
    const { producer, user } = await createRegisteredProducer(tx, { ...input, passwordHash: prepared.passwordHash });
    await notify(tx, null, [{ kind: "ward", wardId: producer.wardId }, { kind: "role", role: "ECONOMIC_OFFICE" }], {
      kind: "producerRegistered",
      params: { producer: producer.name },
      href: `/producers/${producer.id}`,
    });
    const { password: _p, passwordConfirm: _c, ...recorded } = input;
    void _p;
    void _c;
    return { result: { producerId: producer.id, userId: user.id }, audit: { entityType: "Producer", entityId: producer.id, after: recorded } };
  },
});

/** Self-registration: the producer and its first account, then straight into the portal. */
export async function registerProducer(raw: unknown): Promise<ActionResult<{ producerId: string; signedIn: boolean }>> {
  const created = await createProducerAccount(raw);
  if (!created.ok) return created;
  const input = registerProducerSchema.parse(raw);
  try {
    await signIn("credentials", { identifier: input.loginEmail ?? input.loginPhone, password: input.password, redirectTo: "/home" });
  } catch (error) {
    // Registered but not signed in (throttled, say): the form sends the visitor to sign-in.
    if (error instanceof CredentialsSignin) return { ok: true, data: { producerId: created.data.producerId, signedIn: false } };
    throw error; // the redirect into the portal travels as an exception
  }
  return { ok: true, data: { producerId: created.data.producerId, signedIn: true } };
}
