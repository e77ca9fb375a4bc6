import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { countUnread } from "@/lib/db/notifications";

export async function NotificationBell({ actor }: { actor: Actor }) {
  const t = await getTranslations("notifications");
  const unread = await countUnread(actor);
  // The name says what the badge shows ("99+" included), so it contains the visible text (WCAG 2.5.3).
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link href="/notifications" className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-stone-100" data-testid="bell">
      {/* The name is text, not aria-label, so it always contains what the badge shows (WCAG 2.5.3). */}
      <span className="sr-only">{t("bell", { count: shown })}</span>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute right-0 top-0 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
