import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listWards } from "@/lib/db/reference";
import { AUTH_CLIENT_NAMESPACES, ClientMessages } from "@/components/i18n/client-messages";
import { RegisterForm } from "./register-form";

export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  const t = await getTranslations("register");
  const r = await getTranslations("registration");
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
      <h2 className="mt-8 text-xl font-semibold">{r("formTitle")}</h2>
      <ClientMessages namespaces={AUTH_CLIENT_NAMESPACES}>
        <RegisterForm wards={wards.map((w) => ({ id: w.id, name: w.name }))} />
      </ClientMessages>
      <p className="mt-6 text-sm">
        {r("haveAccount")}{" "}
        <Link href="/login" className="text-brand-700 underline underline-offset-2">
          {t("signInLink")}
        </Link>
      </p>
    </article>
  );
}
