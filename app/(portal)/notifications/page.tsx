import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listNotifications, notificationKey } from "@/lib/db/notifications";
import { formatDateTime } from "@/lib/i18n/format";
import { NotificationList } from "./notification-list";

export default async function NotificationsPage() {
  const actor = await requireActor("/notifications");
  const t = await getTranslations();
  const rows = await listNotifications(actor);
  const items = rows.map((n) => ({
    id: n.id,
    href: n.href,
    unread: n.readAt === null,
    text: t(notificationKey(n.kind) as never, n.params as never),
    at: formatDateTime(n.createdAt),
  }));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
      {items.length === 0 ? <p className="mt-4">{t("notifications.empty")}</p> : <NotificationList items={items} />}
    </>
  );
}
