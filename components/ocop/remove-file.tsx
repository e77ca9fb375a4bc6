"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeAttachment } from "@/lib/actions/attachments";
import { ConfirmAction } from "./confirm-action";

export function RemoveFile({ attachmentId, name }: { attachmentId: string; name: string }) {
  const t = useTranslations("files");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("remove")}
      context={name}
      question={t("removeConfirm", { name })}
      done={t("removed")}
      run={() => removeAttachment({ attachmentId })}
      onDone={() => router.refresh()}
    />
  );
}
