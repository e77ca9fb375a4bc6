"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { buttonClass } from "@/components/ui/button";
import { registerProducer } from "@/lib/actions/registration";
import { registerProducerSchema, type RegisterProducerInput } from "@/lib/validation/registration";

const TYPES = ["COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "FARM", "HOUSEHOLD_BUSINESS", "ASSOCIATION_OR_CENTRE"] as const;
const GENDERS = ["FEMALE", "MALE", "OTHER"] as const;

export function RegisterForm({ wards }: { wards: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<RegisterProducerInput, unknown, z.output<typeof registerProducerSchema>>({
    resolver: zodResolver(registerProducerSchema),
    defaultValues: {
      fullName: "", loginEmail: "", loginPhone: "", password: "", passwordConfirm: "", type: "COOPERATIVE", name: "", businessRegNo: "", taxCode: "",
      legalRepName: "", legalRepPosition: "", legalRepGender: "FEMALE", legalRepEthnicity: "Kinh", address: "", wardId: "", phone: "", email: "", memberCount: "", workerCount: "",
    },
  });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const err = useFieldError(formState.errors);
  const r = (k: keyof RegisterProducerInput) => register(k);
  // The server gets exactly what was typed (it parses again); a failure leaves the form as it is.
  const onSubmit = handleSubmit(() => {
    setServerError(null);
    startTransition(async () => {
      const result = await registerProducer(getValues());
      if (result?.ok && !result.data.signedIn) router.push("/login?registered=1");
      if (result && !result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        setServerError(t(`errors.${result.code}`));
      }
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-6" aria-busy={pending}>
      <div role="alert" className={serverError ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}>
        {serverError}
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("registration.account")}</legend>
        <Field label={t("registration.fullName")} registration={r("fullName")} error={err("fullName")} required autoComplete="name" />
        <Field label={t("registration.loginEmail")} registration={r("loginEmail")} error={err("loginEmail")} type="email" autoComplete="email" />
        <Field label={t("registration.loginPhone")} registration={r("loginPhone")} error={err("loginPhone")} type="tel" inputMode="tel" autoComplete="tel" />
        <Field label={t("registration.password")} hint={t("registration.passwordHint")} registration={r("password")} error={err("password")} type="password" required autoComplete="new-password" />
        <Field label={t("registration.passwordConfirm")} registration={r("passwordConfirm")} error={err("passwordConfirm")} type="password" required autoComplete="new-password" />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("registration.entity")}</legend>
        <SelectField label={t("registration.type")} registration={r("type")} error={err("type")} required options={TYPES.map((v) => ({ value: v, label: t(`producerTypes.${v}`) }))} />
        <Field label={t("registration.name")} registration={r("name")} error={err("name")} required autoComplete="organization" />
        <Field label={t("registration.businessRegNo")} registration={r("businessRegNo")} error={err("businessRegNo")} />
        <Field label={t("registration.taxCode")} registration={r("taxCode")} error={err("taxCode")} inputMode="numeric" />
        <SelectField label={t("registration.ward")} registration={r("wardId")} error={err("wardId")} required placeholder={t("registration.chooseWard")} options={wards.map((w) => ({ value: w.id, label: w.name }))} />
        <Field label={t("registration.address")} registration={r("address")} error={err("address")} required autoComplete="street-address" />
        <Field label={t("registration.phone")} registration={r("phone")} error={err("phone")} type="tel" inputMode="tel" />
        <Field label={t("registration.email")} registration={r("email")} error={err("email")} type="email" />
        <div className="grid grid-cols-2 gap-4">
          <Field label={t("registration.memberCount")} registration={r("memberCount")} error={err("memberCount")} inputMode="numeric" />
          <Field label={t("registration.workerCount")} registration={r("workerCount")} error={err("workerCount")} inputMode="numeric" />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("registration.legalRep")}</legend>
        <Field label={t("registration.legalRepName")} registration={r("legalRepName")} error={err("legalRepName")} required />
        <Field label={t("registration.legalRepPosition")} registration={r("legalRepPosition")} error={err("legalRepPosition")} />
        <SelectField label={t("registration.gender")} registration={r("legalRepGender")} error={err("legalRepGender")} required options={GENDERS.map((v) => ({ value: v, label: t(`gender.${v}`) }))} />
        <Field label={t("registration.ethnicity")} registration={r("legalRepEthnicity")} error={err("legalRepEthnicity")} />
      </fieldset>
      <p className="text-sm text-stone-700">{t("registration.afterNote")}</p>
      <button type="submit" disabled={pending} className={buttonClass("primary", "self-start")}>
        {pending ? t("registration.submitting") : t("registration.submit")}
      </button>
    </form>
  );
}
