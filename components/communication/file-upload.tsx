"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import { setDocumentFile } from "@/lib/actions/documents";
import { setNewsCover } from "@/lib/actions/news";

const TARGETS = {
  newsCover: { ns: "news", idField: "articleId", accept: "image/jpeg,image/png,image/webp", choose: "coverChoose", hint: "coverHint", send: setNewsCover },
  documentFile: { ns: "library", idField: "documentId", accept: "application/pdf,.pdf,.docx,.xlsx", choose: "fileChoose", hint: "fileHint", send: setDocumentFile },
} as const;

/** Uploads a news cover photo or a library document's file; the new file replaces the current one. */
export function FileUpload({ target, id, maxMb }: { target: keyof typeof TARGETS; id: string; maxMb: number }) {
  const spec = TARGETS[target];
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    data.set(spec.idField, id);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const result = await callAction<{ fileName: string }>(() => spec.send(data));
      if (result.ok) {
        setMessage({ ok: true, text: target === "newsCover" ? t("news.coverUploaded") : t("library.fileUploaded", { name: result.data.fileName }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: t(`errors.${result.code}`) });
    });
  };
  return (
    <div className="mt-3 max-w-xl">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t(`${spec.ns}.${spec.choose}`)}
      </label>
      <p id={`${inputId}-hint`} className="text-xs text-stone-600">
        {t(`${spec.ns}.${spec.hint}`, { max: maxMb })}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input ref={input} id={inputId} type="file" accept={spec.accept} aria-describedby={`${inputId}-hint`} className="min-h-11 text-sm" onChange={send} disabled={pending} />
        {pending ? (
          <span className={buttonClass("ghost")} aria-live="polite">
            {t(`${spec.ns}.uploading`)}
          </span>
        ) : null}
      </div>
      <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>
        {message?.text}
      </p>
    </div>
  );
}
