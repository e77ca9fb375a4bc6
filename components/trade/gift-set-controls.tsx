"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { useConfirm } from "@/components/ocop/confirm-dialog";
import { FileUploadField } from "@/components/ocop/upload-form";
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
  return (
    <FileUploadField
      label={t("giftSets.coverUpload")}
      hint={t("giftSets.coverHint", { max: maxMb })}
      accept="image/jpeg,image/png,image/webp"
      maxMb={maxMb}
      fields={{ giftSetId }}
      send={uploadGiftSetCover}
      uploaded={(name) => t("files.uploaded", { name })}
      uploadingLabel={t("files.uploading")}
      typeRefused={t("giftSets.coverType")}
      className="mt-2 max-w-xl"
    />
  );
}
