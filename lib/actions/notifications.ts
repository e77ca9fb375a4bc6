"use server";
import { findOwnNotifications } from "@/lib/db/notifications";
import { markNotificationsReadSchema } from "@/lib/validation/notifications";
import { defineAction } from "./define-action";

export const markNotificationsRead = defineAction({
  name: "notification.markRead",
  input: markNotificationsReadSchema,
  permission: "notification.markRead",
  load: async ({ actor, input, tx }) => ({ userId: actor.userId, ids: (await findOwnNotifications(actor, input.ids, tx)).map((n) => n.id) }),
  resource: (r) => ({ type: "notification", userId: r.userId }),
  run: async ({ record, tx }) => {
    const { count } = await tx.notification.updateMany({ where: { id: { in: record.ids }, userId: record.userId }, data: { readAt: new Date() } });
    return { result: { count }, audit: { entityType: "User", entityId: record.userId, after: { notificationsRead: count } } };
  },
  revalidate: () => ["/notifications"],
});
