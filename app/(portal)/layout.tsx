import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/ocop/site-header";
import { NAV_BY_ROLE } from "@/components/ocop/nav-items";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/session";
import { signOutAction } from "@/lib/actions/sign-in";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-ocop-path") ?? "/home";
  const actor = await requireActor(path);
  const t = await getTranslations();
  const items = NAV_BY_ROLE[actor.role].filter((i) => i.ready);
  return (
    <>
      <SiteHeader>
        <span className="hidden text-sm text-stone-700 sm:inline">
          {actor.name} · {t(`roles.${actor.role}`)}
        </span>
        <form action={signOutAction}>
          <button type="submit" className={buttonClass("ghost")}>
            {t("common.signOut")}
          </button>
        </form>
      </SiteHeader>
      <nav aria-label={t("common.mainNav")} className="border-b border-stone-200 bg-white">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
          {items.map((i) => (
            <li key={i.key}>
              <Link href={i.href} className="inline-flex min-h-11 items-center whitespace-nowrap px-3 text-sm hover:bg-stone-100">
                {t(`nav.${i.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
