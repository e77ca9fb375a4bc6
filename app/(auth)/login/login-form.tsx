"use client";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { buttonClass } from "@/components/ui/button";
import { signInWithPassword } from "@/lib/actions/sign-in";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: "", password: "", callbackUrl },
  });
  const fieldError = (key: keyof SignInInput) => {
    const m = formState.errors[key]?.message;
    return m ? t(m) : undefined;
  };
  const onSubmit = handleSubmit((values) => {
    setServerError(null);
    startTransition(async () => {
      const result = await signInWithPassword(values);
      if (result?.error === "RATE_LIMITED" || result?.error === "INTERNAL") setServerError(t(`errors.${result.error}`));
      else if (result?.error) setServerError(t("login.invalid"));
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4" aria-busy={pending}>
      {/* Mounted from the start: a live region that appears together with its text is often not read out. */}
      <div role="alert" data-testid="login-error" className={serverError ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}>
        {serverError}
      </div>
      <Field label={t("login.identifier")} registration={register("identifier")} error={fieldError("identifier")} autoComplete="username" />
      <Field label={t("login.password")} type="password" registration={register("password")} error={fieldError("password")} autoComplete="current-password" />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
