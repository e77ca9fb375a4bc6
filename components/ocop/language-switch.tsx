import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/actions/locale";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const other = locale === "vi" ? "en" : "vi";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} className="min-h-11 rounded-md px-3 py-2 text-sm underline-offset-2 hover:underline" aria-label={`${t("language")}: ${t("switchTo")}`}>
        {t("switchTo")}
      </button>
    </form>
  );
}
