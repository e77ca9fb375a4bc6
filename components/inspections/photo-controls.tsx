"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { FileUploadField } from "@/components/ocop/upload-form";
import { removeInspectionPhoto, uploadInspectionPhoto } from "@/lib/actions/inspections";

/** Adds a photo of the findings or the signed minutes to an open inspection. */
export function InspectionPhotoUpload({ inspectionId, maxMb }: { inspectionId: string; maxMb: number }) {
  const t = useTranslations();
  return (
    <FileUploadField
      label={t("inspections.photoAdd")}
      hint={t("inspections.photoHint", { max: maxMb })}
      accept="image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx"
      maxMb={maxMb}
      fields={{ inspectionId }}
      send={uploadInspectionPhoto}
      uploaded={(name) => t("inspections.photoUploaded", { name })}
      uploadingLabel={t("inspections.uploading")}
    />
  );
}

export function RemoveInspectionPhoto({ attachmentId, name }: { attachmentId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("inspections.photoRemove")}
      context={name}
      question={t("inspections.photoRemoveQuestion", { name })}
      done={t("inspections.photoRemoved")}
      run={() => removeInspectionPhoto({ attachmentId })}
      onDone={() => router.refresh()}
    />
  );
}
