import { getTranslations } from "next-intl/server";
import clsx from "clsx";
import { daysBetween, type IsoDate } from "@/lib/domain/dates";
import type { IntakeFlag } from "@/lib/domain/dossier-intake";
import { formatDate } from "@/lib/i18n/format";

/** The ward's due date with the days left, or how late it is (overdue is red and says so). */
export async function DueDate({ due, today }: { due: IsoDate; today: IsoDate }) {
  const t = await getTranslations();
  const left = daysBetween(today, due);
  return (
    <span className={clsx("tabular-nums", left < 0 ? "font-semibold text-red-700" : left <= 3 ? "font-medium text-amber-900" : "text-stone-800")}>
      {formatDate(due)}
      <span className="block text-xs">
        {left < 0 ? t("dossiers.overdueBy", { days: -left }) : left === 0 ? t("dossiers.dueToday") : t("dossiers.daysLeft", { days: left })}
      </span>
    </span>
  );
}

/** What intake should look at: papers missing, expired, or lapsing before the round. */
export async function IntakeFlagList({ flags, compact = false, referenceDate }: { flags: readonly IntakeFlag[]; compact?: boolean; referenceDate?: IsoDate }) {
  const t = await getTranslations();
  if (flags.length === 0) return compact ? <span className="text-stone-600">—</span> : <p className="text-sm text-green-800">{t("dossiers.flagsNone")}</p>;
  const text = (f: IntakeFlag) => {
    switch (f.code) {
      case "FOOD_SAFETY_MISSING":
        return t("dossiers.flagFoodSafetyMissing");
      case "FOOD_SAFETY_EXPIRES_BEFORE_ROUND":
        return f.expired ? t("dossiers.flagFoodSafetyExpired", { date: formatDate(f.expiresOn) }) : t("dossiers.flagFoodSafetyBeforeRound", { date: formatDate(f.expiresOn) });
      case "EVIDENCE_EXPIRED":
        return t("dossiers.flagEvidenceExpired", { title: f.title, kind: t(`evidenceKind.${f.kind}`), date: formatDate(f.expiresOn) });
      case "EVIDENCE_EXPIRES_BEFORE_ROUND":
        return t("dossiers.flagEvidenceBeforeRound", { title: f.title, kind: t(`evidenceKind.${f.kind}`), date: formatDate(f.expiresOn) });
    }
  };
  const serious = (f: IntakeFlag) => f.code === "FOOD_SAFETY_MISSING" || f.code === "FOOD_SAFETY_EXPIRES_BEFORE_ROUND" || f.code === "EVIDENCE_EXPIRED";
  return (
    <div>
      {!compact && referenceDate ? <p className="text-sm text-stone-700">{t("dossiers.flagsAgainst", { date: formatDate(referenceDate) })}</p> : null}
      <ul className={clsx("flex flex-col gap-1", !compact && "mt-1")}>
        {flags.map((f, i) => (
          <li key={i} className={clsx("rounded px-2 py-0.5", compact ? "text-xs" : "text-sm", serious(f) ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900")}>
            <span aria-hidden="true">⚠ </span>
            {text(f)}
          </li>
        ))}
      </ul>
    </div>
  );
}
