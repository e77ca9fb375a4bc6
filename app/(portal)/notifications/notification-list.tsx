"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import clsx from "clsx";
import { buttonClass } from "@/components/ui/button";
import { markNotificationsRead } from "@/lib/actions/notifications";

type Item = { id: string; href: string; unread: boolean; text: string; at: string };

export function NotificationList({ items }: { items: Item[] }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const open = (item: Item) =>
    startTransition(async () => {
      if (item.unread) await markNotificationsRead({ ids: [item.id] });
      router.push(item.href);
    });
  return (
    <>
      {items.some((i) => i.unread) ? (
        <button type="button" className={buttonClass("secondary", "mt-4")} disabled={pending} onClick={() => startTransition(async () => { await markNotificationsRead({ ids: [] }); router.refresh(); })}>
          {t("markAllRead")}
        </button>
      ) : null}
      <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="notifications">
        {items.map((i) => (
          <li key={i.id}>
            <a
              href={i.href}
              onClick={(e) => {
                e.preventDefault();
                open(i);
              }}
              className={clsx("block p-3 hover:bg-stone-50", i.unread && "font-semibold")}
            >
              {i.unread ? <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-700" aria-label={t("unread")} role="img" /> : null}
              {i.text}
              <span className="block text-xs font-normal text-stone-600">{i.at}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
