"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { useActionMessage } from "@/components/ocop/action-message";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { cancelInspection } from "@/lib/actions/inspections";

/** Calling a plan off: confirmed in the dialog, with the reason the producer and the ward are told. */
export function CancelInspection({ inspectionId, version, name, date }: { inspectionId: string; version: number; name: string; date: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { show, node } = useActionMessage();
  return (
    <div className="mt-3">
      <ConfirmWithNote
        label={t("inspections.cancelButton")}
        question={t("inspections.cancelQuestion", { name, date })}
        noteLabel={t("inspections.cancelReason")}
        onConfirm={async (reason) => {
          const r = await callAction(() => cancelInspection({ inspectionId, version, reason }));
          show(r, t("inspections.cancelled"));
          if (r.ok) router.refresh();
        }}
      />
      {node}
    </div>
  );
}
