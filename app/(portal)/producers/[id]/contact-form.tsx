"use client";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { buttonClass } from "@/components/ui/button";
import { updateProducerContact } from "@/lib/actions/producers";
import { callAction } from "@/components/forms/call-action";
import { updateProducerContactSchema, type UpdateProducerContactInput } from "@/lib/validation/producers";
import type { z } from "zod";

type Props = { producerId: string; version: string; defaults: { address: string; phone: string; email: string } };

export function ContactForm({ producerId, version: initialVersion, defaults }: Props) {
  // The version the form was filled from; each successful save moves it forward.
  const [version, setVersion] = useState(initialVersion);
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, formState, setError } = useForm<UpdateProducerContactInput, unknown, z.output<typeof updateProducerContactSchema>>({
    resolver: zodResolver(updateProducerContactSchema),
    defaultValues: { producerId, version: initialVersion, ...defaults },
  });
  const err = (k: keyof UpdateProducerContactInput) => {
    const m = formState.errors[k]?.message;
    return m ? t(m) : undefined;
  };
  // On failure the form keeps what was typed: nothing already entered is lost.
  const onSubmit = handleSubmit((_parsed, event) => {
    const form = new FormData(event?.target as HTMLFormElement);
    const raw = { producerId, version, address: String(form.get("address") ?? ""), phone: String(form.get("phone") ?? ""), email: String(form.get("email") ?? "") };
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => updateProducerContact(raw));
      if (result.ok) {
        setVersion(result.data.version);
        return setMessage({ ok: true, text: t("producers.saved") });
      }
      for (const [field, msgs] of Object.entries(result.fieldErrors ?? {}))
        setError(field as keyof UpdateProducerContactInput, { message: msgs[0] });
      setMessage({ ok: false, text: t(`errors.${result.code}`) });
    });
  });
  return (
    <section aria-labelledby="contact" className="mt-8 max-w-xl">
      <h2 id="contact" className="text-lg font-semibold">{t("producers.contactTitle")}</h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-4" aria-busy={pending}>
        <Field label={t("producers.address")} registration={register("address")} error={err("address")} autoComplete="street-address" />
        <Field label={t("producers.phone")} registration={register("phone")} error={err("phone")} type="tel" inputMode="tel" autoComplete="tel" />
        <Field label={t("producers.email")} registration={register("email")} error={err("email")} type="email" autoComplete="email" />
        <div role="status" aria-live="polite">
          {message ? <p className={message.ok ? "text-brand-700" : "text-red-700"}>{message.text}</p> : null}
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary", "self-start")}>
          {pending ? t("common.saving") : t("common.save")}
        </button>
      </form>
    </section>
  );
}
