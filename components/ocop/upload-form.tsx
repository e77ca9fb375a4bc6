"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { uploadAttachment } from "@/lib/actions/attachments";
import { callAction } from "@/components/forms/call-action";
import type { ActionResult } from "@/lib/errors";

type FieldProps = {
  label: string;
  hint: string;
  /** The browser's file picker filter; the server checks the content anyway. */
  accept: string;
  maxMb: number;
  /** The record the file belongs to, sent beside the file (e.g. { courseId }). */
  fields: Record<string, string>;
  send: (data: FormData) => Promise<ActionResult<{ fileName: string }>>;
  uploaded: (fileName: string) => string;
  uploadingLabel: string;
  /** Said instead of the generic refusal when the file is not of an accepted type. */
  typeRefused?: string;
  /** While something else on the page is running. */
  disabled?: boolean;
  className?: string;
};

/** A file picker that sends the chosen file at once, then refreshes the page and says how it went. */
export function FileUploadField({ label, hint, accept, maxMb, fields, send, uploaded, uploadingLabel, typeRefused, disabled, className = "mt-3 max-w-xl" }: FieldProps) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const choose = () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => send(data));
      if (result.ok) {
        setMessage({ ok: true, text: uploaded(result.data.fileName) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: result.code === "FILE_TYPE_NOT_ALLOWED" && typeRefused ? typeRefused : t(`errors.${result.code}`) });
    });
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input ref={input} id={id} type="file" aria-describedby={`${id}-hint`} accept={accept} className="min-h-11 text-sm" onChange={choose} disabled={pending || disabled} />
        {pending ? <span className={buttonClass("ghost")} aria-live="polite">{uploadingLabel}</span> : null}
      </div>
      <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
    </div>
  );
}

/** Adds a file to a record's attachments (dossier evidence and the like). */
export function UploadForm({ entityType, entityId, maxMb }: { entityType: string; entityId: string; maxMb: number }) {
  const t = useTranslations();
  return (
    <FileUploadField
      label={t("files.add")}
      hint={t("files.hint", { max: maxMb })}
      accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx,.xlsx"
      maxMb={maxMb}
      fields={{ entityType, entityId }}
      send={uploadAttachment}
      uploaded={(name) => t("files.uploaded", { name })}
      uploadingLabel={t("files.uploading")}
    />
  );
}
