import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translate";
import { prisma, type Tx } from "./client";

export type Audience =
  | { kind: "producer"; producerId: string }
  | { kind: "ward"; wardId: string }
  | { kind: "role"; role: Role }
  // Named people, e.g. the members of one council (whose role alone does not single them out).
  | { kind: "users"; userIds: string[] };

function audienceWhere(a: Audience): Prisma.UserWhereInput {
  switch (a.kind) {
    case "producer":
      return { role: "PRODUCER", producerId: a.producerId };
    case "ward":
      return { role: "WARD_OFFICER", wardId: a.wardId };
    case "role":
      return { role: a.role };
    case "users":
      return { id: { in: a.userIds } };
  }
}

/**
 * Notifies everyone in the audiences (except the actor, who just did it) in the same
 * transaction as the change, and queues an e-mail to those with an address.
 */
export async function notify(
  tx: Tx,
  actor: Actor | null,
  audiences: Audience[],
  message: { kind: string; params: Record<string, string>; href: string },
) {
  const users = await tx.user.findMany({
    where: { isActive: true, OR: audiences.map(audienceWhere), NOT: actor ? { id: actor.userId } : undefined },
    select: { id: true, email: true, locale: true },
  });
  if (users.length === 0) return 0;
  await tx.notification.createMany({
    data: users.map((u) => ({ userId: u.id, kind: message.kind, params: message.params, href: message.href })),
  });
  const withMail = users.filter((u) => u.email);
  if (withMail.length > 0) {
    await tx.outboxEmail.createMany({
      data: withMail.map((u) => {
        // Each person reads the e-mail in the language they chose in the portal.
        const t = translatorFor(u.locale);
        const subject = t(notificationKey(message.kind) as never, message.params as never);
        const body = `${subject}\n\n${t("notifications.openLink")}: ${new URL(message.href, env.APP_URL).toString()}\n\n— ${t("common.appName")}`;
        return { to: u.email!, subject, body };
      }),
    });
  }
  return users.length;
}

/** Notifications of the actor among `ids` (all unread ones when ids is empty). */
export async function findOwnNotifications(actor: Actor, ids: string[], db: Tx | typeof prisma = prisma) {
  return db.notification.findMany({
    where: { userId: actor.userId, readAt: null, ...(ids.length ? { id: { in: ids } } : {}) },
    select: { id: true },
  });
}

export async function countUnread(actor: Actor): Promise<number> {
  return prisma.notification.count({ where: { userId: actor.userId, readAt: null } });
}

export async function listNotifications(actor: Actor, take = 50) {
  return prisma.notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, params: true, href: true, readAt: true, createdAt: true },
  });
}

/**
 * Catalogue key of a notification kind: a plain kind ("ideaSubmitted") lives under
 * `notifications.`, a dotted one ("dossierNotices.submitted") names its own namespace, so each
 * area of the portal keeps its notices in its own catalogue file.
 */
export function notificationKey(kind: string): string {
  return kind.includes(".") ? kind : `notifications.${kind}`;
}
