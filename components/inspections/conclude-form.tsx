"use client";
import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import clsx from "clsx";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useActionMessage } from "@/components/ocop/action-message";
import { useConfirm } from "@/components/ocop/confirm-dialog";
import { buttonClass } from "@/components/ui/button";
import { concludeInspection } from "@/lib/actions/inspections";
import {
  allowedConclusions,
  allowedFollowUps,
  CHECKLIST_ITEMS,
  conclusionProblems,
  INSPECTION_CONCLUSIONS,
  INSPECTION_FOLLOW_UPS,
  REVOCATION_GROUND_CODES,
  suggestedGround,
  type InspectionKind,
} from "@/lib/domain/inspections";
import { CHECK_RESULTS, concludeInspectionSchema, toChecklist, type ConcludeInspection, type ConcludeInspectionInput } from "@/lib/validation/inspections";

type Props = {
  inspectionId: string;
  version: number;
  kind: InspectionKind;
  productName: string;
  certificateNumber: string;
  defaultInspectedOn: string;
  defaultTeam: string;
};

const radio = "h-5 w-5 accent-brand-700";
const option = "flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-3 has-checked:border-brand-700 has-checked:bg-brand-50 has-disabled:opacity-60";

/**
 * The team's conclusion: each item of QĐ26 Art. 9.2 met / not met / not checked with a note,
 * findings, conclusion, follow-up and, for a revocation proposal, the ground of Art. 8.1. The
 * checklist decides the conclusion (lib/domain/inspections.ts): a failed item selects "not
 * compliant" and locks the other; the same rules are checked before sending and on the server.
 */
export function ConcludeInspectionForm(p: Props) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const { ask, dialog } = useConfirm("danger");
  const form = useForm<ConcludeInspectionInput, unknown, ConcludeInspection>({
    resolver: zodResolver(concludeInspectionSchema),
    defaultValues: {
      inspectionId: p.inspectionId,
      version: p.version,
      inspectedOn: p.defaultInspectedOn,
      team: p.defaultTeam,
      checklist: Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i.key, { result: "NOT_CHECKED", note: "" }])) as ConcludeInspectionInput["checklist"],
      findings: "",
      followUpNote: "",
      revocationGround: "",
    },
  });
  const { register, handleSubmit, setError, setValue, getValues, control, formState } = form;
  const err = useFieldError(formState.errors);
  const answers = useWatch({ control, name: "checklist" });
  const conclusion = useWatch({ control, name: "conclusion" });
  const followUp = useWatch({ control, name: "followUp" });
  const checklist = toChecklist(answers as ConcludeInspection["checklist"]);
  const allowed = allowedConclusions(p.kind, checklist);
  const followUps = conclusion ? allowedFollowUps(conclusion) : [...INSPECTION_FOLLOW_UPS];

  // The checklist settles the conclusion when only one is lawful; a compliant one has no follow-up.
  const settle = () => {
    const now = allowedConclusions(p.kind, toChecklist(getValues("checklist") as ConcludeInspection["checklist"]));
    if (now.length === 1) setValue("conclusion", now[0]!);
    const concluded = getValues("conclusion");
    if (concluded === "COMPLIANT") {
      setValue("followUp", "NONE");
      setValue("revocationGround", "");
    } else if (concluded === "NON_COMPLIANT" && getValues("followUp") === "NONE") {
      // "No follow-up" is not open to a violation: the officer chooses between the two that are.
      setValue("followUp", undefined as never);
    }
  };
  const onFollowUp = () => {
    if (getValues("followUp") === "REVOCATION_PROPOSAL") {
      if (!getValues("revocationGround")) setValue("revocationGround", suggestedGround(toChecklist(getValues("checklist") as ConcludeInspection["checklist"])) ?? "");
    } else setValue("revocationGround", "");
  };

  const onSubmit = handleSubmit(async (values) => {
    const problems = conclusionProblems({ kind: p.kind, checklist: toChecklist(values.checklist), findings: values.findings, conclusion: values.conclusion, followUp: values.followUp, revocationGround: values.revocationGround });
    if (Object.keys(problems).length > 0) return applyServerErrors(setError, problems as Record<string, string[]>);
    const question = values.followUp === "REVOCATION_PROPOSAL" ? t("inspections.concludeRevocationQuestion", { number: p.certificateNumber, name: p.productName }) : t("inspections.concludeQuestion", { name: p.productName });
    if (!(await ask(question))) return;
    startTransition(async () => {
      const r = await callAction(() => concludeInspection(values));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("inspections.concluded"));
      if (r.ok) router.refresh();
    });
  });

  const checklistError = err("checklist");
  return (
    <section aria-labelledby={`${id}-title`} className="mt-8 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{t("inspections.concludeTitle")}</h2>
      <p className="mt-1 text-sm text-stone-700">{t("inspections.concludeIntro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("inspections.inspectedOn")} required type="date" registration={register("inspectedOn")} error={err("inspectedOn")} />
          <div className="sm:col-span-2">
            <TextAreaField label={t("inspections.team")} hint={t("inspections.teamHint")} required rows={3} registration={register("team")} error={err("team")} />
          </div>
        </div>

        <fieldset className="grid gap-3" aria-describedby={checklistError ? `${id}-checklist-error` : undefined}>
          <legend className="font-semibold">{t("inspections.checklistTitle")}</legend>
          {CHECKLIST_ITEMS.map((item) => (
            <fieldset key={item.key} className="rounded-md border border-stone-200 p-3" data-testid={`check-${item.key}`}>
              <legend className="px-1 font-medium">{t(`inspections.checks.${item.key}`)}</legend>
              <p className="text-xs text-stone-600">{t(`inspections.checkHints.${item.key}`)} {t("inspections.citation", { citation: item.citation })}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                {CHECK_RESULTS.map((r) => (
                  <label key={r} className={option}>
                    <input type="radio" value={r} className={radio} {...register(`checklist.${item.key}.result`, { onChange: settle })} />
                    {t(`inspections.checkResults.${r}`)}
                  </label>
                ))}
              </div>
              <div className="mt-2">
                <TextAreaField label={t("inspections.note")} rows={2} registration={register(`checklist.${item.key}.note`)} error={err(`checklist.${item.key}.note`)} />
              </div>
            </fieldset>
          ))}
          {checklistError ? <p id={`${id}-checklist-error`} className="text-sm text-red-700">{checklistError}</p> : null}
        </fieldset>

        <TextAreaField label={t("inspections.findings")} hint={t("inspections.findingsHint")} rows={4} registration={register("findings")} error={err("findings")} />

        <fieldset aria-describedby={`${id}-conclusion-hint`}>
          <legend className="text-sm font-medium">{t("inspections.conclusion")}<span aria-hidden="true" className="text-red-700"> *</span></legend>
          <p id={`${id}-conclusion-hint`} className="text-xs text-stone-600" aria-live="polite">
            {allowed.length === 1 ? t("inspections.mustConclude", { conclusion: t(`inspections.conclusions.${allowed[0]!}`) }) : allowed.length === 0 ? t("inspections.cannotConcludeYet") : null}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            {INSPECTION_CONCLUSIONS.map((c) => (
              <label key={c} className={option}>
                <input type="radio" value={c} className={radio} disabled={allowed.length > 0 && !allowed.includes(c)} {...register("conclusion", { onChange: settle })} />
                {t(`inspections.conclusions.${c}`)}
              </label>
            ))}
          </div>
          {err("conclusion") ? <p className="mt-1 text-sm text-red-700">{err("conclusion")}</p> : null}
        </fieldset>

        <fieldset>
          <legend className="text-sm font-medium">{t("inspections.followUp")}<span aria-hidden="true" className="text-red-700"> *</span></legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {INSPECTION_FOLLOW_UPS.map((f) => (
              <label key={f} className={clsx(option, f === "REVOCATION_PROPOSAL" && "has-checked:border-red-700 has-checked:bg-red-50")}>
                <input type="radio" value={f} className={radio} disabled={!followUps.includes(f)} {...register("followUp", { onChange: onFollowUp })} />
                {t(`inspections.followUps.${f}`)}
              </label>
            ))}
          </div>
          {err("followUp") ? <p className="mt-1 text-sm text-red-700">{err("followUp")}</p> : null}
        </fieldset>

        {followUp === "REVOCATION_PROPOSAL" ? (
          <SelectField
            label={t("inspections.revocationGround")}
            required
            registration={register("revocationGround")}
            error={err("revocationGround")}
            placeholder={t("inspections.chooseGround")}
            options={REVOCATION_GROUND_CODES.map((g) => ({ value: g, label: t(`revocationGrounds.${g}`) }))}
          />
        ) : null}
        {followUp && followUp !== "NONE" ? (
          <TextAreaField label={t("inspections.followUpNote")} hint={t("inspections.followUpNoteHint")} rows={3} registration={register("followUpNote")} error={err("followUpNote")} />
        ) : null}

        <div>
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(followUp === "REVOCATION_PROPOSAL" ? "danger" : "primary")}>
            {pending ? t("inspections.working") : t("inspections.concludeSubmit")}
          </button>
          {node}
        </div>
      </form>
      {dialog}
    </section>
  );
}
