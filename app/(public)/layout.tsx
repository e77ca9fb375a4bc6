import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/ocop/site-header";
import { buttonClass } from "@/components/ui/button";
import { getActor } from "@/lib/auth/session";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  const actor = await getActor();
  return (
    <>
      <SiteHeader>
        <nav aria-label={t("mainNav")} className="flex items-center gap-1">
          <Link href="/criteria" className="min-h-11 rounded-md px-3 py-2 text-sm hover:bg-stone-100">
            {t("criteria")}
          </Link>
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
      <main id="main">{children}</main>
      <footer className="mt-16 border-t border-stone-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">{t("footer")}</p>
      </footer>
    </>
  );
}
