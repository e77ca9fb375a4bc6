"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { FileUploadField } from "@/components/ocop/upload-form";
import { removeCourseMaterial, uploadCourseMaterial } from "@/lib/actions/training";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { useActionMessage } from "@/components/ocop/action-message";

/** Adds a course material (slides, handouts): checked by content on the server like every file. */
export function MaterialUpload({ courseId, maxMb }: { courseId: string; maxMb: number }) {
  const t = useTranslations();
  return (
    <FileUploadField
      label={t("training.addMaterial")}
      hint={t("files.hint", { max: maxMb })}
      accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx"
      maxMb={maxMb}
      fields={{ courseId }}
      send={uploadCourseMaterial}
      uploaded={(name) => t("files.uploaded", { name })}
      uploadingLabel={t("files.uploading")}
    />
  );
}

export function RemoveMaterial({ courseId, attachmentId, name }: { courseId: string; attachmentId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const outcome = useActionMessage({ ownReason: true });
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
