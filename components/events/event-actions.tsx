"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { transitionEvent } from "@/lib/actions/events";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { useOutcome } from "./use-outcome";

/** Publish a draft; cancel an event (confirmed, with a reason the registered producers read). */
export function EventActions({ eventId, name, canPublish, canCancel }: { eventId: string; name: string; canPublish: boolean; canCancel: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useOutcome();
  if (!canPublish && !canCancel) return null;
  const run = async (action: "publish" | "cancel", comment = "") => {
    const r = await callAction(() => transitionEvent({ eventId, action, comment }));
    outcome.show(r, action === "publish" ? t("events.publishedDone") : t("events.cancelledDone"));
    if (r.ok) router.refresh();
  };
  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-2">
        {canPublish ? (
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => startTransition(() => run("publish"))}>
            {pending ? t("events.working") : t("events.publish")}
          </button>
        ) : null}
        {canCancel ? (
          <ConfirmWithNote label={t("events.cancelEvent")} context={name} question={t("events.cancelQuestion", { name })} noteLabel={t("events.cancelReason")} onConfirm={(note) => run("cancel", note)} />
        ) : null}
      </div>
      {outcome.node}
    </div>
  );
}
