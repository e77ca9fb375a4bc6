"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { uploadEvidence } from "@/lib/actions/dossiers";
import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/domain/dossier-intake";

const control = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

/** Adds one paper: the file plus what it is, how long it is valid and which criteria it supports. */
export function EvidenceUpload({ dossierId, maxMb, itemCodes, onUploaded }: { dossierId: string; maxMb: number; itemCodes: { code: string; name: string }[]; onUploaded?: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<EvidenceKind>("FOOD_SAFETY_CERTIFICATE");
  const [title, setTitle] = useState("");
  const [issuedOn, setIssuedOn] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [codes, setCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const err = (k: string) => (errors[k]?.[0] ? t(errors[k]![0] as never) : undefined);
  const described = (k: string, hint?: boolean) => [hint ? `${id}-${k}-hint` : "", err(k) ? `${id}-${k}-error` : ""].filter(Boolean).join(" ") || undefined;

  const send = () => {
    const file = fileInput.current?.files?.[0];
    if (!file) return setErrors({ file: ["validation.required"] });
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    data.set("dossierId", dossierId);
    data.set("kind", kind);
    data.set("title", title);
    data.set("issuedOn", issuedOn);
    data.set("expiresOn", expiresOn);
    for (const c of codes) data.append("itemCodes", c);
    data.set("file", file);
    setMessage(null);
    setErrors({});
    startTransition(async () => {
      const r = await callAction(() => uploadEvidence(data));
      if (r.ok) {
        setMessage({ ok: true, text: t("files.uploaded", { name: r.data.fileName }) });
        setTitle("");
        setIssuedOn("");
        setExpiresOn("");
        setCodes([]);
        if (fileInput.current) fileInput.current.value = "";
        onUploaded?.();
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage({ ok: false, text: t(`errors.${r.code}`) });
      }
    });
  };
  const errorText = (k: string) => (err(k) ? <p id={`${id}-${k}-error`} className="text-sm text-red-700">{err(k)}</p> : null);

  return (
    <fieldset className="mt-3 grid max-w-3xl gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-busy={pending}>
      <legend className="px-1 font-medium">{t("dossiers.addEvidence")}</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium">{t("dossiers.evidenceKind")}</label>
        <select id={`${id}-kind`} className={control} value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
          {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{t(`evidenceKind.${k}`)}</option>)}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-sm font-medium">{t("dossiers.evidenceTitle")}<span aria-hidden="true" className="text-red-700"> *</span></label>
        <input id={`${id}-title`} className={control} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={err("title") ? true : undefined} aria-describedby={described("title")} />
        {errorText("title")}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-issuedOn`} className="text-sm font-medium">{t("dossiers.issuedOnLabel")}</label>
        <input id={`${id}-issuedOn`} type="date" className={control} value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} aria-invalid={err("issuedOn") ? true : undefined} aria-describedby={described("issuedOn")} />
        {errorText("issuedOn")}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-expiresOn`} className="text-sm font-medium">
          {t("dossiers.expiresOnLabel")}
          {kind === "FOOD_SAFETY_CERTIFICATE" ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
        </label>
        <p id={`${id}-expiresOn-hint`} className="text-xs text-stone-600">{t("dossiers.expiresOnHint")}</p>
        <input id={`${id}-expiresOn`} type="date" className={control} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} aria-invalid={err("expiresOn") ? true : undefined} aria-describedby={described("expiresOn", true)} />
        {errorText("expiresOn")}
      </div>
      {itemCodes.length > 0 ? (
        <details className="sm:col-span-2">
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">
            {t("dossiers.evidenceItems")} {codes.length > 0 ? `(${codes.join(", ")})` : ""}
          </summary>
          <fieldset>
            <legend className="sr-only">{t("dossiers.evidenceItems")}</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {itemCodes.map((item) => (
                <label key={item.code} className="flex min-h-11 items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 size-5 shrink-0" checked={codes.includes(item.code)} onChange={(e) => setCodes((list) => (e.target.checked ? [...list, item.code] : list.filter((c) => c !== item.code)))} />
                  <span lang="vi">{item.code}. {item.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {errorText("itemCodes")}
        </details>
      ) : null}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">{t("dossiers.evidenceFile")}<span aria-hidden="true" className="text-red-700"> *</span></label>
        <p id={`${id}-file-hint`} className="text-xs text-stone-600">{t("files.hint", { max: maxMb })}</p>
        <input ref={fileInput} id={`${id}-file`} type="file" aria-describedby={described("file", true)} accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx,.xlsx" className="min-h-11 text-sm" />
        {errorText("file")}
      </div>
      <div className="sm:col-span-2">
        <button type="button" onClick={send} disabled={pending} className={buttonClass("primary")}>{pending ? t("files.uploading") : t("dossiers.uploadEvidence")}</button>
        <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
      </div>
    </fieldset>
  );
}
