import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listWards } from "@/lib/db/reference";

export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  const t = await getTranslations("register");
  const c = await getTranslations("common");
  const wards = await listWards();
  return (
    <article>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>
      <h2 className="mt-6 text-lg font-semibold">{t("steps")}</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-5">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <h2 className="mt-6 text-lg font-semibold">{t("wards")}</h2>
      <ul className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2">
        {wards.map((w) => (
          <li key={w.id}>{w.name}</li>
        ))}
      </ul>
      <p className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("selfServiceNote")}</p>
      <p className="mt-6">
        <Link href="/login" className="text-brand-700 underline underline-offset-2">
          {c("signIn")}
        </Link>
      </p>
    </article>
  );
}
