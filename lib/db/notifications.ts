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
 *
 * A scheduled notice passes `dedupeKey`, the identity of what it announces: each person's row is
 * stored under `<dedupeKey>:<userId>` (unique), the insert skips rows that exist, and an e-mail
 * is queued only for the rows this call inserted. A second run, or a run on another instance at
 * the same moment (its insert waits on ours, then finds the key taken), sends nothing twice.
 * Returns the number of people notified by this call.
 */
export async function notify(
  tx: Tx,
  actor: Actor | null,
  audiences: Audience[],
  message: { kind: string; params: Record<string, string>; href: string; dedupeKey?: string },
) {
  const users = await tx.user.findMany({
    where: { isActive: true, OR: audiences.map(audienceWhere), NOT: actor ? { id: actor.userId } : undefined },
    // One order everywhere: two runs inserting the same keys take their locks in the same order.
    orderBy: { id: "asc" },
    select: { id: true, email: true, locale: true },
  });
  if (users.length === 0) return 0;
  const row = (u: { id: string }) => ({ userId: u.id, kind: message.kind, params: message.params, href: message.href });
  let notified = users;
  if (message.dedupeKey === undefined) {
    await tx.notification.createMany({ data: users.map(row) });
  } else {
    const key = (userId: string) => `${message.dedupeKey}:${userId}`;
    const inserted = await tx.notification.createManyAndReturn({
      data: users.map((u) => ({ ...row(u), dedupeKey: key(u.id) })),
      skipDuplicates: true,
      select: { userId: true },
    });
    const fresh = new Set(inserted.map((r) => r.userId));
    notified = users.filter((u) => fresh.has(u.id));
  }
  const withMail = notified.filter((u) => u.email);
  if (withMail.length > 0) {
    await tx.outboxEmail.createMany({
      data: withMail.map((u) => {
        // Each person reads the e-mail in the language they chose in the portal.
        const t = translatorFor(u.locale);
        const subject = t(notificationKey(message.kind) as never, message.params as never);
        const body = `${subject}\n\n${t("notifications.openLink")}: ${new URL(message.href, env.APP_URL).toString()}\n\n— ${t("common.appName")}`;
        return { to: u.email!, subject, body, ...(message.dedupeKey === undefined ? {} : { dedupeKey: `${message.dedupeKey}:${u.id}` }) };
      }),
      // Belt and braces: the notification row above already decides who gets mail.
      skipDuplicates: message.dedupeKey !== undefined,
    });
  }
  return notified.length;
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
