import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listRounds } from "@/lib/db/rounds";
import { listMyScoring } from "@/lib/db/scoring";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate, formatDateTime, formatScore } from "@/lib/i18n/format";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { ROUND_TONE, SHEET_TONE } from "@/components/council/tones";

/** "Phiếu chấm của tôi": what the member has to score, the round's deadline first. */
export default async function EvaluationQueuePage() {
  const actor = await requireActor("/evaluation");
  // Council seats are held by council accounts, and by office staff as secretary.
  if (actor.role !== "COUNCIL_MEMBER" && actor.role !== "ECONOMIC_OFFICE") notFound();
  const t = await getTranslations();
  const [queue, rounds] = await Promise.all([listMyScoring(actor), actor.role === "COUNCIL_MEMBER" ? listRounds(actor, {}) : []]);
  const today = vietnamDateOf(new Date());
  const toDo = queue.filter((d) => d.state !== "SUBMITTED");
  const done = queue.filter((d) => d.state === "SUBMITTED");
  const card = (d: (typeof queue)[number]) => (
    <li key={d.id} className={d.overdue ? "rounded-lg border-2 border-red-300 bg-white p-4" : "rounded-lg border border-stone-200 bg-white p-4"}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/evaluation/${d.id}`} className="text-lg font-medium text-brand-700 underline underline-offset-2">{d.productName}</Link>
          <p className="text-sm text-stone-700">{d.producer.name} · {d.producer.ward.name}</p>
          <p className="text-sm text-stone-700">{t("evaluation.setAndRound", { no: d.criteriaSetNo, round: d.round?.title ?? "" })}</p>
        </div>
        <StatusPill tone={SHEET_TONE[d.state]}>{t(`sheetState.${d.state}`)}</StatusPill>
      </div>
      <p className={d.overdue ? "mt-2 text-sm font-semibold text-red-700" : "mt-2 text-sm text-stone-700"}>
        {d.round ? t("evaluation.dueOn", { date: formatDate(d.round.completeBy) }) : null}
        {d.overdue ? ` — ${t("evaluation.overdue")}` : ""}
      </p>
      {d.own ? (
        <p className="text-sm text-stone-700">
          {d.own.status === "SUBMITTED" && d.own.total !== null ? t("evaluation.yourTotal", { total: formatScore(d.own.total) }) : d.own.total !== null ? t("evaluation.draftTotal", { total: formatScore(d.own.total), at: formatDateTime(d.own.updatedAt) }) : null}
          {d.own.reopenCount > 0 ? <span className="block font-medium text-amber-900">{t("evaluation.reopenedCount", { count: d.own.reopenCount })}</span> : null}
        </p>
      ) : null}
      <Link href={`/evaluation/${d.id}`} className={buttonClass(d.state === "SUBMITTED" ? "secondary" : "primary", "mt-3")}>
        {d.state === "SUBMITTED" ? t("evaluation.viewSheet") : d.state === "DRAFT" ? t("evaluation.continue") : t("evaluation.start")}
        <span className="sr-only"> — {d.productName}</span>
      </Link>
    </li>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t("evaluation.title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("evaluation.intro")}</p>
      <section aria-labelledby="todo" className="mt-6">
        <h2 id="todo" className="text-lg font-semibold">{t("evaluation.toDo", { count: toDo.length })}</h2>
        {toDo.length === 0 ? <p className="mt-2 text-stone-600">{t("evaluation.nothingToDo")}</p> : <ul className="mt-2 grid gap-3 md:grid-cols-2">{toDo.map(card)}</ul>}
      </section>
      {done.length > 0 ? (
        <section aria-labelledby="done" className="mt-8">
          <h2 id="done" className="text-lg font-semibold">{t("evaluation.submittedList", { count: done.length })}</h2>
          <ul className="mt-2 grid gap-3 md:grid-cols-2">{done.map(card)}</ul>
        </section>
      ) : null}
      {rounds.length > 0 ? (
        <section aria-labelledby="my-rounds" className="mt-8">
          <h2 id="my-rounds" className="text-lg font-semibold">{t("evaluation.myRounds")}</h2>
          <ul className="mt-2 flex flex-col gap-2">
            {rounds.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 bg-white p-3">
                <Link href={`/rounds/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.title}</Link>
                <StatusPill tone={ROUND_TONE[r.status]}>{t(`roundStatus.${r.status}`)}</StatusPill>
                <span className={r.status !== "CLOSED" && r.completeBy.toISOString().slice(0, 10) < today ? "text-sm font-semibold text-red-700" : "text-sm text-stone-700"}>{t("evaluation.dueOn", { date: formatDate(r.completeBy) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
