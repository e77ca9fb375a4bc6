"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { uploadAttachment } from "@/lib/actions/attachments";
import { callAction } from "@/components/forms/call-action";

export function UploadForm({ entityType, entityId, maxMb }: { entityType: string; entityId: string; maxMb: number }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) {
      setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
      return;
    }
    const data = new FormData();
    data.set("entityType", entityType);
    data.set("entityId", entityId);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => uploadAttachment(data));
      if (result.ok) {
        setMessage({ ok: true, text: t("files.uploaded", { name: result.data.fileName }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: t(`errors.${result.code}`) });
    });
  };
  return (
    <div className="mt-3 max-w-xl">
      <label htmlFor={id} className="block text-sm font-medium">{t("files.add")}</label>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{t("files.hint", { max: maxMb })}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input ref={input} id={id} type="file" aria-describedby={`${id}-hint`} accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx,.xlsx" className="min-h-11 text-sm" onChange={send} disabled={pending} />
        {pending ? <span className={buttonClass("ghost")} aria-live="polite">{t("files.uploading")}</span> : null}
      </div>
      <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
    </div>
  );
}
