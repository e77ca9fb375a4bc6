"use server";
import { endUserSessionsSchema, setOwnLocaleSchema, setUserActiveSchema } from "@/lib/validation/users";
import { findUser } from "@/lib/db/users";
import { defineAction } from "./define-action";

/** Ends every session of another user at once, on every app instance (their tokens go stale). */
export const endUserSessions = defineAction({
  name: "user.endSessions",
  input: endUserSessionsSchema,
  permission: "user.endSessions",
  load: ({ actor, input, tx }) => findUser(actor, input.userId, tx),
  resource: (u) => ({ type: "user", id: u.id, role: u.role }),
  run: async ({ record, tx }) => {
    const updated = await tx.user.update({
      where: { id: record.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    return {
      result: { userId: record.id },
      audit: { entityType: "User", entityId: record.id, before: { sessionVersion: record.sessionVersion }, after: updated },
    };
  },
  revalidate: () => ["/admin/users"],
});

export const setUserActive = defineAction({
  name: "user.setActive",
  input: setUserActiveSchema,
  permission: "user.setActive",
  load: ({ actor, input, tx }) => findUser(actor, input.userId, tx),
  resource: (u) => ({ type: "user", id: u.id, role: u.role }),
  run: async ({ input, record, tx }) => {
    // Locking also ends every session, so a token from before the lock stays dead after an unlock.
    await tx.user.update({
      where: { id: record.id },
      data: { isActive: input.isActive, ...(input.isActive ? {} : { sessionVersion: { increment: 1 } }) },
    });
    return {
      result: { userId: record.id, isActive: input.isActive },
      audit: { entityType: "User", entityId: record.id, before: { isActive: record.isActive }, after: { isActive: input.isActive } },
    };
  },
  revalidate: () => ["/admin/users"],
});

/** The language a signed-in user reads the portal in; e-mails to them use it too. */
export const saveOwnLocale = defineAction({
  name: "user.setLocale",
  input: setOwnLocaleSchema,
  permission: "user.updateOwnPreferences",
  load: ({ actor, tx }) => findUser(actor, actor.userId, tx),
  resource: (u) => ({ type: "user", id: u.id, role: u.role }),
  run: async ({ input, record, tx }) => {
    await tx.user.update({ where: { id: record.id }, data: { locale: input.locale } });
    return { result: { locale: input.locale }, audit: { entityType: "User", entityId: record.id, after: { locale: input.locale } } };
  },
});
