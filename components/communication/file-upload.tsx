"use client";
import { useTranslations } from "next-intl";
import { FileUploadField } from "@/components/ocop/upload-form";
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
  return (
    <FileUploadField
      label={t(`${spec.ns}.${spec.choose}`)}
      hint={t(`${spec.ns}.${spec.hint}`, { max: maxMb })}
      accept={spec.accept}
      maxMb={maxMb}
      fields={{ [spec.idField]: id }}
      send={spec.send}
      uploaded={(name) => (target === "newsCover" ? t("news.coverUploaded") : t("library.fileUploaded", { name }))}
      uploadingLabel={t(`${spec.ns}.uploading`)}
    />
  );
}
