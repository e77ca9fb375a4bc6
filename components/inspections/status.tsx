import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { InspectionConclusion, InspectionState } from "@/lib/domain/inspections";

const STATUS_TONE: Record<InspectionState | "OVERDUE", string> = {
  PLANNED: "bg-sky-100 text-sky-900",
  OVERDUE: "bg-red-100 text-red-900",
  CONCLUDED: "bg-brand-100 text-brand-800",
  CANCELLED: "bg-stone-200 text-stone-700",
};

const pill = "inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium";

/** An inspection's status; a plan whose day has passed reads "overdue", since that is what waits. */
export async function InspectionStatusPill({ status, overdue = false }: { status: InspectionState; overdue?: boolean }) {
  const t = await getTranslations("inspections");
  const shown = overdue && status === "PLANNED" ? "OVERDUE" : status;
  return <span className={clsx(pill, STATUS_TONE[shown])}>{t(`status.${shown}`)}</span>;
}

export async function ConclusionPill({ conclusion }: { conclusion: InspectionConclusion }) {
  const t = await getTranslations("inspections");
  return <span className={clsx(pill, conclusion === "COMPLIANT" ? "bg-brand-100 text-brand-800" : "bg-red-100 text-red-900")}>{t(`conclusions.${conclusion}`)}</span>;
}
