"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { createDossier } from "@/lib/actions/dossiers";
import { EVALUATION_TYPES, type EvaluationTypeValue } from "@/lib/validation/dossiers";

type Plan = { id: string; productName: string; criteriaSetNo: number | null };
type Certificate = { id: string; label: string; criteriaSetNo: number; productName: string };
type SetOption = { value: string; label: string; group?: string };

const control = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

export function NewDossierForm({ plans, certificates, sets, initialPlanId }: { plans: Plan[]; certificates: Certificate[]; sets: SetOption[]; initialPlanId?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const first = plans.find((p) => p.id === initialPlanId);
  const [source, setSource] = useState<"plan" | "direct">(plans.length > 0 ? "plan" : "direct");
  const [planId, setPlanId] = useState(first?.id ?? plans[0]?.id ?? "");
  const chosenPlan = plans.find((p) => p.id === planId);
  const [productName, setProductName] = useState(first?.productName ?? plans[0]?.productName ?? "");
  const [criteriaSetNo, setCriteriaSetNo] = useState(String(first?.criteriaSetNo ?? plans[0]?.criteriaSetNo ?? ""));
  const [evaluationType, setEvaluationType] = useState<EvaluationTypeValue>("FIRST");
  const [certificateId, setCertificateId] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  // Choosing a plan fills the product and its set from the plan's idea (they stay editable).
  const pickPlan = (id: string) => {
    setPlanId(id);
    const plan = plans.find((p) => p.id === id);
    if (plan) {
      setProductName(plan.productName);
      if (plan.criteriaSetNo) setCriteriaSetNo(String(plan.criteriaSetNo));
    }
  };
  const pickCertificate = (id: string) => {
    setCertificateId(id);
    const c = certificates.find((x) => x.id === id);
    if (c) {
      setCriteriaSetNo(String(c.criteriaSetNo));
      if (!productName) setProductName(c.productName);
    }
  };
  const err = (k: string) => (errors[k]?.[0] ? t(errors[k]![0] as never) : undefined);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const r = await callAction(() =>
        createDossier({
          planId: source === "plan" ? planId : "",
          productName,
          criteriaSetNo,
          evaluationType,
          previousCertificateId: evaluationType === "FIRST" ? "" : certificateId,
        }),
      );
      if (r.ok) return router.push(`/dossiers/${r.data.dossierId}/edit`);
      setErrors(r.fieldErrors ?? {});
      setMessage(t(`errors.${r.code}`));
    });
  };
  return (
    <form onSubmit={submit} noValidate className="mt-4 flex max-w-3xl flex-col gap-5" aria-busy={pending}>
      {plans.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t("dossiers.source")}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="source" className="size-5" checked={source === "plan"} onChange={() => setSource("plan")} />
            {t("dossiers.fromPlan")}
          </label>
          {source === "plan" ? (
            <div className="ml-7 flex flex-col gap-1">
              <label htmlFor="plan" className="text-sm font-medium">{t("dossiers.plan")}</label>
              <select id="plan" className={control} value={planId} onChange={(e) => pickPlan(e.target.value)}>
                {plans.map((p) => <option key={p.id} value={p.id}>{p.productName}</option>)}
              </select>
              {chosenPlan ? <p className="text-xs text-stone-600">{t("dossiers.fromPlanHint")}</p> : null}
            </div>
          ) : null}
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="source" className="size-5" checked={source === "direct"} onChange={() => setSource("direct")} />
            {t("dossiers.direct")}
          </label>
        </fieldset>
      ) : (
        <p className="text-sm text-stone-700">{t("dossiers.noPlanHint")}</p>
      )}

      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t("dossierForms.evaluationType")}</legend>
        {EVALUATION_TYPES.map((type) => (
          <label key={type} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="evaluationType" className="size-5" checked={evaluationType === type} onChange={() => setEvaluationType(type)} />
            <span>
              {t(`evaluationType.${type}`)}
              <span className="block text-xs text-stone-600">{t(`dossiers.typeHint${type}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {evaluationType !== "FIRST" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="certificate" className="text-sm font-medium">{t("dossierForms.previousCertificateId")}<span aria-hidden="true" className="text-red-700"> *</span></label>
          {certificates.length === 0 ? (
            <p id="certificate-error" className="text-sm text-red-700">{t("dossiers.noActiveCertificate")}</p>
          ) : (
            <select id="certificate" className={control} value={certificateId} onChange={(e) => pickCertificate(e.target.value)} aria-invalid={err("previousCertificateId") ? true : undefined} aria-describedby={err("previousCertificateId") ? "certificate-error" : undefined}>
              <option value="">{t("dossiers.chooseCertificate")}</option>
              {certificates.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          )}
          {err("previousCertificateId") ? <p id="certificate-error" className="text-sm text-red-700">{err("previousCertificateId")}</p> : null}
        </div>
      ) : null}

      <div className="flex flex-col gap-1">
        <label htmlFor="productName" className="text-sm font-medium">{t("dossierForms.productName")}<span aria-hidden="true" className="text-red-700"> *</span></label>
        <input id="productName" className={control} value={productName} onChange={(e) => setProductName(e.target.value)} aria-invalid={err("productName") ? true : undefined} aria-describedby={err("productName") ? "productName-error" : undefined} />
        {err("productName") ? <p id="productName-error" className="text-sm text-red-700">{err("productName")}</p> : null}
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="criteriaSetNo" className="text-sm font-medium">{t("dossierForms.criteriaSetNo")}<span aria-hidden="true" className="text-red-700"> *</span></label>
        <p id="criteriaSetNo-hint" className="text-xs text-stone-600">{t("dossiers.criteriaSetHint")}</p>
        <select id="criteriaSetNo" className={control} value={criteriaSetNo} onChange={(e) => setCriteriaSetNo(e.target.value)} aria-invalid={err("criteriaSetNo") ? true : undefined} aria-describedby={["criteriaSetNo-hint", err("criteriaSetNo") ? "criteriaSetNo-error" : ""].filter(Boolean).join(" ")}>
          <option value="">{t("dossiers.chooseSet")}</option>
          {[...new Set(sets.map((s) => s.group ?? ""))].map((g) => (
            <optgroup key={g} label={g}>
              {sets.filter((s) => (s.group ?? "") === g).map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </optgroup>
          ))}
        </select>
        {err("criteriaSetNo") ? <p id="criteriaSetNo-error" className="text-sm text-red-700">{err("criteriaSetNo")}</p> : null}
      </div>

      <div role="status" aria-live="polite">{message ? <p className="text-red-700">{message}</p> : null}</div>
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("dossiers.create")}</button>
      </div>
    </form>
  );
}
