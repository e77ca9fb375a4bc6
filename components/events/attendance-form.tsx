"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { recordAttendance } from "@/lib/actions/training";
import { useActionMessage } from "@/components/ocop/action-message";

type Row = { id: string; name: string; organisation: string; attended: boolean | null; number: string | null };

/**
 * The roll call: present or absent for each registrant. Only the rows given an answer are sent,
 * so the office can take attendance in several sittings; a present registrant without a number
 * receives the year's next certificate of attendance.
 */
export function AttendanceForm({ courseId, rows }: { courseId: string; rows: Row[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const [marks, setMarks] = useState<Record<string, boolean | null>>(() => Object.fromEntries(rows.map((r) => [r.id, r.attended])));
  const entries = Object.entries(marks).filter((e): e is [string, boolean] => e[1] !== null).map(([registrationId, attended]) => ({ registrationId, attended }));
  const save = () =>
    startTransition(async () => {
      const r = await callAction(() => recordAttendance({ courseId, entries }));
      outcome.show(r, r.ok ? t("training.attendanceSaved", { count: r.data.numbered }) : "");
      if (r.ok) router.refresh();
    });
  return (
    <div className="mt-3">
      <ul className="grid gap-2">
        {rows.map((r) => (
          <li key={r.id} className="rounded-md border border-stone-200 bg-white p-3">
            <fieldset>
              <legend className="font-medium">
                {r.name}
                <span className="block text-sm font-normal text-stone-700">{r.organisation}</span>
              </legend>
              <div className="mt-1 flex flex-wrap gap-x-4">
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={`att-${r.id}`} checked={marks[r.id] === true} onChange={() => setMarks((m) => ({ ...m, [r.id]: true }))} className="h-5 w-5" />
                  {t("training.present")}
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={`att-${r.id}`} checked={marks[r.id] === false} onChange={() => setMarks((m) => ({ ...m, [r.id]: false }))} className="h-5 w-5" />
                  {t("training.absent")}
                </label>
              </div>
              {r.number ? <p className="text-sm text-brand-800">{t("training.certificateNo", { number: r.number })}</p> : null}
            </fieldset>
          </li>
        ))}
      </ul>
      {outcome.node}
      <button type="button" disabled={pending || entries.length === 0} className={buttonClass("primary", "mt-3")} onClick={save}>
        {pending ? t("common.saving") : t("training.saveAttendance")}
      </button>
    </div>
  );
}
