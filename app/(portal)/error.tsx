"use client";
import { startTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

// Anything unexpected while rendering a portal page: a message in the reader's language and a
// way to try again, never the framework's stack trace.
export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  // Page errors come from the server (the database away, say): retrying must render it there again.
  const retry = () => startTransition(() => {
    router.refresh();
    reset();
  });
  return (
    <div role="alert" className="max-w-xl rounded-lg border border-red-300 bg-red-50 p-4">
      <p>{t("errors.INTERNAL")}</p>
      <button type="button" className={buttonClass("secondary", "mt-3")} onClick={retry}>{t("common.retry")}</button>
    </div>
  );
}
