import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

// An unknown code says only that: nothing about whether something similar exists.
export default async function CertificateNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <p className="text-5xl font-bold text-stone-400" aria-hidden="true">404</p>
      <h1 className="mt-3 text-2xl font-bold">{t("publicVerify.notFoundTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("publicVerify.notFoundText")}</p>
      <Link href="/verify" className={buttonClass("primary", "mt-6")}>{t("publicVerify.lookupByNumber")}</Link>
    </div>
  );
}
