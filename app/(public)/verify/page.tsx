import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findVerifyCodeByNumber } from "@/lib/db/certificates";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  const title = t("publicVerify.title");
  return { title, description: t("publicVerify.intro"), openGraph: { title, description: t("publicVerify.intro"), url: "/verify" } };
}

// Public look-up by the number printed on a certificate (for a copy whose QR code is damaged).
export default async function VerifyLookupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations();
  const number = textParam(sp, "number", 64);
  if (number) {
    const code = await findVerifyCodeByNumber(number);
    if (code) redirect(`/verify/${code}`);
  }
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("publicVerify.title")}</h1>
      <p className="mt-2 text-stone-700">{t("publicVerify.intro")}</p>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-2" role="search">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="certificate-number" className="text-sm font-medium">{t("publicVerify.numberLabel")}</label>
          <p id="certificate-number-hint" className="text-xs text-stone-600">{t("publicVerify.numberHint")}</p>
          <input
            id="certificate-number"
            name="number"
            defaultValue={number}
            required
            maxLength={64}
            autoComplete="off"
            aria-describedby={number ? "certificate-number-hint certificate-number-error" : "certificate-number-hint"}
            aria-invalid={number ? true : undefined}
            className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>{t("publicVerify.submit")}</button>
      </form>
      {number ? (
        <p id="certificate-number-error" role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          {t("publicVerify.numberNotFound", { number })}
        </p>
      ) : null}
    </div>
  );
}
