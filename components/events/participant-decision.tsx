"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { decideParticipant } from "@/lib/actions/events";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { useActionMessage } from "@/components/ocop/action-message";

/** The office's decision on one registration: confirm (within the booths left) or decline with a reason. */
export function ParticipantDecision({ participantId, producer, canConfirm, canDecline }: { participantId: string; producer: string; canConfirm: boolean; canDecline: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const run = async (decision: "confirm" | "decline", note = "") => {
    const r = await callAction(() => decideParticipant({ participantId, decision, note }));
    outcome.show(r, decision === "confirm" ? t("events.confirmedDone") : t("events.declinedDone"));
    if (r.ok) router.refresh();
  };
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        {canConfirm ? (
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => startTransition(() => run("confirm"))}>
            {t("events.confirmParticipant")}
            <span className="sr-only"> — {producer}</span>
          </button>
        ) : null}
        {canDecline ? (
          <ConfirmWithNote label={t("events.declineParticipant")} context={producer} question={t("events.declineQuestion", { producer })} noteLabel={t("events.declineReason")} onConfirm={(note) => run("decline", note)} />
        ) : null}
      </div>
      {outcome.node}
    </div>
  );
}
