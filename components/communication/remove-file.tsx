"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeDocumentFile } from "@/lib/actions/documents";
import { removeNewsCover } from "@/lib/actions/news";
import { ConfirmAction } from "@/components/ocop/confirm-action";

/** Takes the cover off an article or the file off a library document (kept on record, soft-deleted). */
export function RemovePublicFile({ target, id }: { target: "newsCover" | "documentFile"; id: string }) {
  const news = useTranslations("news");
  const library = useTranslations("library");
  const router = useRouter();
  const props =
    target === "newsCover"
      ? { label: news("coverRemove"), question: news("coverRemoveConfirm"), done: news("coverRemoved"), run: () => removeNewsCover({ articleId: id }) }
      : { label: library("fileRemove"), question: library("fileRemoveConfirm"), done: library("fileRemoved"), run: () => removeDocumentFile({ documentId: id }) };
  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmAction {...props} variant="danger" onDone={() => router.refresh()} />
    </div>
  );
}
