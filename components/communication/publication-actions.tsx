"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { transitionDocument } from "@/lib/actions/documents";
import { transitionNews } from "@/lib/actions/news";
import type { PublicationAction } from "@/lib/validation/communication";
import { ConfirmAction } from "@/components/ocop/confirm-action";

type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

// What can be done from each status (the same table the actions check on the server).
const AVAILABLE: Record<Status, PublicationAction[]> = {
  DRAFT: ["publish", "archive"],
  PUBLISHED: ["unpublish", "archive"],
  ARCHIVED: ["restore"],
};

const CONFIRM_KEY = { publish: "confirmPublish", unpublish: "confirmUnpublish", archive: "confirmArchive", restore: "confirmRestore" } as const;

/** Publish, unpublish, archive or restore a news article or a library document, each confirmed. */
export function PublicationActions({ kind, id, status }: { kind: "news" | "library"; id: string; status: Status }) {
  const t = useTranslations(kind);
  const router = useRouter();
  const run = (action: PublicationAction) => () => (kind === "news" ? transitionNews({ articleId: id, action }) : transitionDocument({ documentId: id, action }));
  return (
    <div className="flex flex-wrap items-start gap-3">
      {AVAILABLE[status].map((action) => (
        <div key={action} className="flex flex-col items-start gap-1">
          <ConfirmAction
            label={t(action)}
            question={t(CONFIRM_KEY[action])}
            done={t(`done.${action}`)}
            variant={action === "publish" ? "primary" : "secondary"}
            run={run(action)}
            onDone={() => router.refresh()}
          />
        </div>
      ))}
    </div>
  );
}
