"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { useConfirm } from "@/components/ocop/confirm-dialog";
import { setGiftSetPublished, uploadGiftSetCover } from "@/lib/actions/gift-sets";

/** Publish or take down a gift set, after a confirmation (it shows or hides a public page). */
export function GiftSetPublish({ giftSetId, version, published, name }: { giftSetId: string; version: string; published: boolean; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { ask, dialog } = useConfirm(published ? "danger" : "primary");
  const run = async () => {
    if (!(await ask(t(published ? "giftSets.confirmUnpublish" : "giftSets.confirmPublish", { name })))) return;
    startTransition(async () => {
      const r = await callAction(() => setGiftSetPublished({ giftSetId, publish: !published, version }));
      if (r.ok) {
        setMessage({ ok: true, text: t(published ? "giftSets.unpublished" : "giftSets.published") });
        router.refresh();
      } else {
        const detail = r.fieldErrors?.items?.[0];
        setMessage({ ok: false, text: [t(`errors.${r.code}`), detail ? t(detail as never) : ""].filter(Boolean).join(" ") });
      }
    });
  };
  return (
    <div>
      <button type="button" disabled={pending} onClick={run} className={buttonClass(published ? "secondary" : "primary")}>
        {published ? t("giftSets.unpublish") : t("giftSets.publish")}
      </button>
      <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>{message?.text}</p>
      {dialog}
    </div>
  );
}

/** The cover photo: JPEG, PNG or WebP, checked by content on the server. */
export function GiftSetCoverUpload({ giftSetId, maxMb }: { giftSetId: string; maxMb: number }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: t("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    data.set("giftSetId", giftSetId);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const r = await callAction(() => uploadGiftSetCover(data));
      if (r.ok) {
        setMessage({ ok: true, text: t("files.uploaded", { name: r.data.fileName }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: r.code === "FILE_TYPE_NOT_ALLOWED" ? t("giftSets.coverType") : t(`errors.${r.code}`) });
    });
  };
  return (
    <div className="mt-2 max-w-xl">
      <label htmlFor={id} className="block text-sm font-medium">{t("giftSets.coverUpload")}</label>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{t("giftSets.coverHint", { max: maxMb })}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input ref={input} id={id} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-hint`} className="min-h-11 text-sm" onChange={send} disabled={pending} />
        {pending ? <span className={buttonClass("ghost")} aria-live="polite">{t("files.uploading")}</span> : null}
      </div>
      <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
    </div>
  );
}
