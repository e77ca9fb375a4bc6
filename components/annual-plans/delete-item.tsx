"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { deleteAnnualActivity, deleteAnnualBudgetLine, deleteAnnualTarget } from "@/lib/actions/annual-plans";

const ACTIONS = { target: deleteAnnualTarget, line: deleteAnnualBudgetLine, activity: deleteAnnualActivity } as const;

/** Removes a target, a budget line or an activity after a confirmation naming it. */
export function DeleteItem({ what, planId, itemId, name }: { what: keyof typeof ACTIONS; planId: string; itemId: string; name: string }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("delete")}
      context={name}
      question={t(`confirmDelete.${what}`, { name })}
      done={t("deleted")}
      run={() => ACTIONS[what]({ planId, itemId })}
      onDone={() => router.refresh()}
    />
  );
}
