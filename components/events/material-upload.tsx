"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { removeCourseMaterial, uploadCourseMaterial } from "@/lib/actions/training";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { useOutcome } from "./use-outcome";

/** Adds a course material (slides, handouts): checked by content on the server like every file. */
export function MaterialUpload({ courseId, maxMb }: { courseId: string; maxMb: number }) {
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
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    data.set("courseId", courseId);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const r = await callAction(() => uploadCourseMaterial(data));
      if (r.ok) {
        setMessage({ ok: true, text: t("files.uploaded", { name: r.data.fileName }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: t(`errors.${r.code}`) });
    });
  };
  return (
    <div className="mt-3 max-w-xl">
      <label htmlFor={id} className="block text-sm font-medium">{t("training.addMaterial")}</label>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{t("files.hint", { max: maxMb })}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input ref={input} id={id} type="file" aria-describedby={`${id}-hint`} accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx" className="min-h-11 text-sm" onChange={send} disabled={pending} />
        {pending ? <span className={buttonClass("ghost")} aria-live="polite">{t("files.uploading")}</span> : null}
      </div>
      <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
    </div>
  );
}

export function RemoveMaterial({ courseId, attachmentId, name }: { courseId: string; attachmentId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const outcome = useOutcome();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <ConfirmWithNote
        label={t("files.remove")}
        context={name}
        question={t("files.removeConfirm", { name })}
        onConfirm={async () => {
          const r = await callAction(() => removeCourseMaterial({ courseId, attachmentId }));
          outcome.show(r, t("files.removed"));
          if (r.ok) router.refresh();
        }}
      />
      {outcome.node}
    </span>
  );
}
