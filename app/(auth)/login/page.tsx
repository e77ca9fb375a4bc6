import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations("login");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      <LoginForm callbackUrl={target} />
      <p className="mt-6 text-sm">
        {t("noAccount")}{" "}
        <Link href="/register" className="text-brand-700 underline underline-offset-2">
          {t("howToRegister")}
        </Link>
      </p>
    </>
  );
}
