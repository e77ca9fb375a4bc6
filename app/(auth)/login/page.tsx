import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; registered?: string }> }) {
  const { callbackUrl, registered } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations("login");
  const root = await getTranslations();
  const text = {
    identifier: t("identifier"),
    password: t("password"),
    submit: t("submit"),
    submitting: t("submitting"),
    invalid: t("invalid"),
    rateLimited: root("errors.RATE_LIMITED"),
    internal: root("errors.INTERNAL"),
    identifierRequired: root("validation.identifierRequired"),
    passwordRequired: root("validation.passwordRequired"),
  };
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      {registered ? <p role="status" className="mt-3 rounded-md bg-brand-50 p-3 text-brand-800">{t("registered")}</p> : null}
      <LoginForm callbackUrl={target} text={text} />
      <p className="mt-6 text-sm">
        {t("noAccount")}{" "}
        <Link href="/register" className="text-brand-700 underline underline-offset-2">
          {t("howToRegister")}
        </Link>
      </p>
    </>
  );
}
