import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { OcopMark } from "./ocop-mark";

export async function SiteHeader({ children }: { children?: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center gap-2 font-semibold text-brand-800">
          <OcopMark />
          <span>
            {t("appName")}
            <span className="block text-xs font-normal text-stone-600">{t("appTagline")}</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-1">
          {children}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
