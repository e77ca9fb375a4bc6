"use client";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { endUserSessions, setUserActive } from "@/lib/actions/users";

export function UserRowActions({ userId, name, isActive }: { userId: string; name: string; isActive: boolean }) {
  const t = useTranslations("users");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmAction
        label={t("endSessions")}
        context={name}
        question={t("endSessionsConfirm", { name })}
        done={t("endSessionsDone", { name })}
        run={() => endUserSessions({ userId })}
      />
      <ConfirmAction
        label={isActive ? t("deactivate") : t("activate")}
        context={name}
        question={isActive ? t("deactivateConfirm", { name }) : t("activateConfirm", { name })}
        done={t("done")}
        variant={isActive ? "danger" : "secondary"}
        run={() => setUserActive({ userId, isActive: !isActive })}
      />
    </div>
  );
}
