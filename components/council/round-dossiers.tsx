"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { assignDossiers, closeRound, removeDossierFromRound, startRoundScoring } from "@/lib/actions/rounds";
import type { ActionResult } from "@/lib/errors";
import { useActionMessage } from "@/components/ocop/action-message";

export type AssignableRow = { id: string; label: string; detail: string; flags: React.ReactNode };

/**
 * The forwarded queue with a tick box per dossier. The rows (with their intake flags) are
 * rendered on the server and passed in; this only keeps the selection and sends it.
 */
export function AssignDossiers({ roundId, rows }: { roundId: string; rows: AssignableRow[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await callAction(() => assignDossiers({ roundId, dossierIds: picked }));
      show(r, t("rounds.assigned", { count: picked.length }));
      if (r.ok) {
        setPicked([]);
        router.refresh();
      }
    });
  };
  if (rows.length === 0) return <p className="mt-2 text-sm text-stone-600">{t("rounds.queueEmpty")}</p>;
  return (
    <form onSubmit={submit} aria-label={t("rounds.assignTitle")}>
      <fieldset className="mt-2">
        <legend className="sr-only">{t("rounds.assignTitle")}</legend>
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="flex items-start gap-3 p-3">
              <input id={`assign-${r.id}`} type="checkbox" className="mt-1 size-5 shrink-0" checked={picked.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
              <div className="min-w-0 flex-1">
                <label htmlFor={`assign-${r.id}`} className="font-medium">{r.label}</label>
                <p className="text-sm text-stone-700">{r.detail}</p>
                <div className="mt-1 text-sm">{r.flags}</div>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={pending || picked.length === 0} aria-busy={pending} className={buttonClass("primary", "mt-3")}>
        {t("rounds.assignPicked", { count: picked.length })}
      </button>
      {node}
    </form>
  );
}

/** A destructive or irreversible step of the round behind a confirmation, refreshing the page when done. */
function RoundStep({ label, context, question, done, run, variant }: { label: string; context?: string; question: string; done: string; run: () => Promise<ActionResult<unknown>>; variant?: "danger" | "secondary" }) {
  const router = useRouter();
  const { show, node } = useActionMessage();
  return (
    <div>
      <ConfirmAction
        label={label}
        context={context}
        question={question}
        done={done}
        variant={variant}
        run={async () => {
          const r = await callAction(run);
          if (r.ok) router.refresh();
          else show(r, "");
          return r;
        }}
      />
      {node}
    </div>
  );
}

export function RemoveDossier({ roundId, dossierId, name }: { roundId: string; dossierId: string; name: string }) {
  const t = useTranslations();
  return <RoundStep label={t("rounds.removeDossier")} context={name} question={t("rounds.removeDossierQuestion", { name })} done={t("rounds.dossierRemoved")} run={() => removeDossierFromRound({ roundId, dossierId })} />;
}

export function StartScoring({ roundId, count }: { roundId: string; count: number }) {
  const t = useTranslations();
  return <RoundStep label={t("rounds.startScoring", { count })} question={t("rounds.startScoringQuestion", { count })} done={t("rounds.scoringStarted")} variant="secondary" run={() => startRoundScoring({ roundId })} />;
}

export function CloseRound({ roundId }: { roundId: string }) {
  const t = useTranslations();
  return <RoundStep label={t("rounds.closeRound")} question={t("rounds.closeRoundQuestion")} done={t("rounds.roundClosed")} variant="secondary" run={() => closeRound({ roundId })} />;
}
