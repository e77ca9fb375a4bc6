import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/ocop/site-header";
import { buttonClass } from "@/components/ui/button";
import { getActor } from "@/lib/auth/session";

// What a visitor comes for, in the order they ask for it: products, where to buy, events, news.
const SECTIONS = [
  ["products", "/products"],
  ["pointsOfSale", "/points-of-sale"],
  ["events", "/events"],
  ["giftSets", "/gift-sets"],
  ["news", "/news"],
  ["documents", "/documents"],
  ["training", "/training"],
  ["verify", "/verify"],
] as const;

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  const p = await getTranslations("publicNav");
  const actor = await getActor();
  return (
    <>
      <SiteHeader>
        <nav aria-label={t("accountNav")} className="flex items-center gap-1">
          {actor ? (
            <Link href="/home" className={buttonClass("primary")}>
              {actor.name}
            </Link>
          ) : (
            <Link href="/login" className={buttonClass("primary")}>
              {t("signIn")}
            </Link>
          )}
        </nav>
      </SiteHeader>
      {/* On a phone the sections scroll sideways inside their own strip, never the page. */}
      <nav aria-label={t("mainNav")} className="relative overflow-x-auto border-b border-stone-200 bg-white">
        <ul className="mx-auto flex max-w-6xl gap-1 px-2 sm:px-4">
          {SECTIONS.map(([key, href]) => (
            <li key={key} className="shrink-0">
              <Link href={href} className="inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm font-medium text-stone-800 hover:bg-stone-100">
                {p(key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{children}</main>
      <footer className="mt-16 border-t border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-stone-700 sm:flex-row sm:items-start sm:justify-between">
          <p>{t("footer")}</p>
          <nav aria-label={p("footerNav")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li><Link className="underline" href="/criteria">{t("criteria")}</Link></li>
              <li><Link className="underline" href="/open-data">{p("openData")}</Link></li>
              <li><Link className="underline" href="/points-of-sale/apply">{p("applyPointOfSale")}</Link></li>
              <li><Link className="underline" href="/register">{t("register")}</Link></li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
