"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { declareConflict, removeDeclaration } from "@/lib/actions/rounds";
import { CONFLICT_KINDS } from "@/lib/validation/rounds";
import { useActionMessage } from "@/components/ocop/action-message";

type Kind = (typeof CONFLICT_KINDS)[number];
type Choice = { id: string; label: string };
const control = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-invalid:border-red-700";

/**
 * A member declares an interest: a producer or a dossier of the round (PRODUCER, OTHER), or a
 * relative by family name and ward (RELATIVE), which the portal matches against the legal
 * representatives of the round's producers. The family name is compared with its diacritics.
 */
export function DeclarationForm({ roundId, producers, dossiers, wards }: { roundId: string; producers: Choice[]; dossiers: Choice[]; wards: Choice[] }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<Kind>("PRODUCER");
  const [producerId, setProducerId] = useState("");
  const [dossierId, setDossierId] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [wardId, setWardId] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const relative = kind === "RELATIVE";
  const fieldError = (field: string) => {
    const key = errors[field]?.[0];
    return key ? <p id={`${id}-${field}-error`} className="text-sm text-red-700">{t(key as never)}</p> : null;
  };
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await callAction(() => declareConflict({ roundId, kind, producerId: relative ? "" : producerId, dossierId: relative ? "" : dossierId, familyName: relative ? familyName : "", wardId: relative ? wardId : "", note }));
      setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      show(r, t("rounds.declared"));
      if (r.ok) {
        setProducerId("");
        setDossierId("");
        setFamilyName("");
        setNote("");
        router.refresh();
      }
    });
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-label={t("rounds.declareTitle")}>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">{t("rounds.declareKind")}</legend>
        <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-4">
          {CONFLICT_KINDS.map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} className="size-5" />
              {t(`conflictKind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {relative ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-family`} className="text-sm font-medium">{t("rounds.familyName")}</label>
            <p id={`${id}-family-hint`} className="text-xs text-stone-600">{t("rounds.familyNameHint")}</p>
            <input id={`${id}-family`} lang="vi" value={familyName} onChange={(e) => setFamilyName(e.target.value)} maxLength={40} className={control} {...invalid("familyName")} />
            {fieldError("familyName")}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-ward`} className="text-sm font-medium">{t("rounds.ward")}</label>
            <select id={`${id}-ward`} value={wardId} onChange={(e) => setWardId(e.target.value)} className={control} {...invalid("wardId")}>
              <option value="">{t("rounds.chooseWard")}</option>
              {wards.map((w) => <option key={w.id} value={w.id}>{w.label}</option>)}
            </select>
            {fieldError("wardId")}
          </div>
        </>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-producer`} className="text-sm font-medium">{t("rounds.declareProducer")}</label>
            <select id={`${id}-producer`} value={producerId} onChange={(e) => setProducerId(e.target.value)} className={control} {...invalid("producerId")}>
              <option value="">{t("rounds.none")}</option>
              {producers.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </select>
            {fieldError("producerId")}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-dossier`} className="text-sm font-medium">{t("rounds.declareDossier")}</label>
            <select id={`${id}-dossier`} value={dossierId} onChange={(e) => setDossierId(e.target.value)} className={control} {...invalid("dossierId")}>
              <option value="">{t("rounds.none")}</option>
              {dossiers.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
            </select>
            {fieldError("dossierId")}
          </div>
        </>
      )}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={`${id}-note`} className="text-sm font-medium">{t("rounds.declareNote")}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} className={control} {...invalid("note")} />
        {fieldError("note")}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>{t("rounds.declare")}</button>
        {node}
      </div>
    </form>
  );
}

export function RemoveDeclaration({ declarationId, label }: { declarationId: string; label: string }) {
  const t = useTranslations();
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("rounds.withdrawDeclaration")}
      context={label}
      question={t("rounds.withdrawDeclarationQuestion")}
      done={t("rounds.declarationWithdrawn")}
      run={async () => {
        const r = await callAction(() => removeDeclaration({ declarationId }));
        if (r.ok) router.refresh();
        return r;
      }}
    />
  );
}
