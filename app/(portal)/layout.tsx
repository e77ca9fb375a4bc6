import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/ocop/site-header";
import { NAV_BY_ROLE } from "@/components/ocop/nav-items";
import { PortalNav } from "@/components/ocop/portal-nav";
import { NotificationBell } from "@/components/ocop/notification-bell";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/session";
import { signOutAction } from "@/lib/actions/sign-in";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-ocop-path") ?? "/home";
  const actor = await requireActor(path);
  const t = await getTranslations();
  const items = NAV_BY_ROLE[actor.role].filter((i) => i.ready);
  return (
    <ClientMessages>
      <SiteHeader>
        <span className="hidden text-sm text-stone-700 sm:inline">
          {actor.name} · {t(`roles.${actor.role}`)}
        </span>
        <NotificationBell actor={actor} />
        <form action={signOutAction}>
          <button type="submit" className={buttonClass("ghost")}>
            {t("common.signOut")}
          </button>
        </form>
      </SiteHeader>
      <PortalNav label={t("common.mainNav")} items={items.map((i) => ({ key: i.key, href: i.href, text: t(`nav.${i.key}`) }))} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </ClientMessages>
  );
}
