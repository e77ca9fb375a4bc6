"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { buttonClass } from "@/components/ui/button";
import { transitionEvent } from "@/lib/actions/events";
import type { ActionResult } from "@/lib/errors";
import { useActionMessage } from "@/components/ocop/action-message";

type Texts = { publish: string; published: string; cancel: string; cancelled: string; question: string; reason: string };

/**
 * Publish a draft (event or course); cancel it (confirmed, with a reason the people registered
 * read). The page says which of the two its status allows.
 */
export function PublishOrCancel({ name, canPublish, canCancel, texts, transition }: { name: string; canPublish: boolean; canCancel: boolean; texts: Texts; transition: (action: "publish" | "cancel", comment: string) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  if (!canPublish && !canCancel) return null;
  const run = async (action: "publish" | "cancel", comment = "") => {
    const r = await callAction(() => transition(action, comment));
    outcome.show(r, action === "publish" ? texts.published : texts.cancelled);
    if (r.ok) router.refresh();
  };
  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-2">
        {canPublish ? (
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => startTransition(() => run("publish"))}>
            {pending ? t("events.working") : texts.publish}
          </button>
        ) : null}
        {canCancel ? <ConfirmWithNote label={texts.cancel} context={name} question={texts.question} noteLabel={texts.reason} onConfirm={(note) => run("cancel", note)} /> : null}
      </div>
      {outcome.node}
    </div>
  );
}

/** Publish a draft; cancel an event (confirmed, with a reason the registered producers read). */
export function EventActions({ eventId, name, canPublish, canCancel }: { eventId: string; name: string; canPublish: boolean; canCancel: boolean }) {
  const t = useTranslations();
  return (
    <PublishOrCancel
      name={name}
      canPublish={canPublish}
      canCancel={canCancel}
      texts={{ publish: t("events.publish"), published: t("events.publishedDone"), cancel: t("events.cancelEvent"), cancelled: t("events.cancelledDone"), question: t("events.cancelQuestion", { name }), reason: t("events.cancelReason") }}
      transition={(action, comment) => transitionEvent({ eventId, action, comment })}
    />
  );
}
