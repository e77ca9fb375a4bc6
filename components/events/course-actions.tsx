"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { cancelCourseRegistration, registerForCourse, transitionCourse } from "@/lib/actions/training";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { PublishOrCancel } from "./event-actions";
import { useActionMessage } from "@/components/ocop/action-message";

/** Publish a draft course; cancel a course (confirmed; registrants are told). */
export function CourseActions({ courseId, title, canPublish, canCancel }: { courseId: string; title: string; canPublish: boolean; canCancel: boolean }) {
  const t = useTranslations();
  return (
    <PublishOrCancel
      name={title}
      canPublish={canPublish}
      canCancel={canCancel}
      texts={{ publish: t("training.publish"), published: t("training.publishedDone"), cancel: t("training.cancelCourse"), cancelled: t("training.cancelledDone"), question: t("training.cancelQuestion", { title }), reason: t("training.cancelReason") }}
      transition={(action, comment) => transitionCourse({ courseId, action, comment })}
    />
  );
}

/** The registrant's own seat: take one, or give it back before the course starts. */
export function CourseRegistration({ courseId, title, registered, canRegister, canCancel }: { courseId: string; title: string; registered: boolean; canRegister: boolean; canCancel: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const register = () =>
    startTransition(async () => {
      const r = await callAction(() => registerForCourse({ courseId }));
      if (r.ok && r.data.alreadyRegistered) return outcome.say(true, t("training.alreadyRegistered"));
      outcome.show(r, t("training.registeredDone"));
      if (r.ok) router.refresh();
    });
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-2">
        {canRegister && !registered ? (
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={register}>
            {pending ? t("events.working") : t("training.register")}
          </button>
        ) : null}
        {registered && canCancel ? (
          <ConfirmWithNote
            label={t("training.cancelRegistration")}
            context={title}
            question={t("training.cancelRegistrationQuestion", { title })}
            onConfirm={async () => {
              const r = await callAction(() => cancelCourseRegistration({ courseId }));
              outcome.show(r, t("training.cancelledRegistration"));
              if (r.ok) router.refresh();
            }}
          />
        ) : null}
      </div>
      {outcome.node}
    </div>
  );
}
