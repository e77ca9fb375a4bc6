"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { removeEvidence } from "@/lib/actions/dossiers";

export function RemoveEvidence({ dossierId, evidenceId, title }: { dossierId: string; evidenceId: string; title: string }) {
  const t = useTranslations("dossiers");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("removeEvidence")}
      context={title}
      question={t("removeEvidenceConfirm", { title })}
      done={t("evidenceRemoved")}
      run={async () => {
        const result = await callAction(() => removeEvidence({ dossierId, evidenceId }));
        if (result.ok) router.refresh();
        return result;
      }}
    />
  );
}
