import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

// An unknown address says only that, and offers the two ways a visitor finds a product.
export default async function ProductNotFound() {
  const t = await getTranslations("catalogue");
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <p className="text-5xl font-bold text-stone-400" aria-hidden="true">404</p>
      <h1 className="mt-3 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("notFoundText")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/products" className={buttonClass("primary")}>{t("backToCatalogue")}</Link>
        <Link href="/verify" className={buttonClass("secondary")}>{t("verifyByNumber")}</Link>
      </div>
    </div>
  );
}
