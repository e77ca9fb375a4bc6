"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { startReEvaluation } from "@/lib/actions/certificates";
import { useActionStatus } from "./action-status";

/** "Đăng ký đánh giá lại": opens (or reopens) the re-evaluation dossier and goes to its form. */
export function RenewButton({ certificateId }: { certificateId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionStatus();
  return (
    <div className="mt-3">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending}
        className={buttonClass("primary")}
        onClick={() =>
          startTransition(async () => {
            const r = await callAction(() => startReEvaluation({ certificateId }));
            if (r.ok) router.push(`/dossiers/${r.data.dossierId}/edit`);
            else show(r, "");
          })
        }
      >
        {pending ? t("certificates.renewPending") : t("certificates.renewButton")}
      </button>
      {node}
    </div>
  );
}
