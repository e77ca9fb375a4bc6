import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import type { ResultExplanation } from "@/lib/db/results";
import { findRoundForResults, listOpenReferrals, listResultRounds, listRoundDecisions, listRoundResults, namesOf } from "@/lib/db/decisions";
import { vietnamDateOf } from "@/lib/domain/dates";
import { releaseAction } from "@/lib/domain/release";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { DecisionForm, ReferralOutcomeForm, ReleasePanel, ResultRowActions } from "@/components/certificates/results-panels";
import { StarRating } from "@/components/ocop/star-rating";
import { StatusPill } from "@/components/ocop/status-pill";

const RESULT_TONE: Record<string, string> = { PROVISIONAL: "DRAFT", STAGED: "SUBMITTED", CHECKED: "WARD_ACCEPTED", RELEASED: "ACCEPTED" };
// The minutes exist once every counted sheet is in (the route answers 404 before).
const allSheetsIn = (e: unknown) => {
  const x = e as Pick<ResultExplanation, "submittedMembers" | "expectedMembers"> | null;
  return !!x && x.submittedMembers >= x.expectedMembers;
};
const average = (n: number) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/** The Economic Office's desk for council results: per round, check → decision → release; referrals. */
export default async function ResultsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const roundId = textParam(sp, "round", 64);
  const actor = await requireActor(roundId ? `/results?round=${encodeURIComponent(roundId)}` : "/results");
  if (!can(actor, "result.manage", { type: "round", id: roundId ?? "", council: null })) notFound();
  return roundId ? <RoundResults actor={actor} roundId={roundId} /> : <RoundIndex actor={actor} />;
}

async function OpenReferrals({ actor, roundId }: { actor: Actor; roundId?: string }) {
  const t = await getTranslations();
  const referrals = await listOpenReferrals(actor, roundId);
  const today = vietnamDateOf(new Date());
  return (
    <section aria-labelledby="referrals" className="mt-8">
      <h2 id="referrals" className="text-lg font-semibold">{t("results.referralsTitle")}</h2>
      {referrals.length === 0 ? <p className="mt-2 text-stone-700">{t("results.noReferrals")}</p> : null}
      <ul className="mt-2 space-y-3">
        {referrals.map((r) => (
          <li key={r.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="font-medium">
              <Link href={`/dossiers/${r.dossier.id}`} className="text-brand-700 underline underline-offset-2">{r.dossier.productName}</Link>
              <span className="font-normal text-stone-700"> · {r.dossier.producer.name}</span>
            </p>
            <p className="text-sm text-stone-700">{t("results.referralFrom", { average: average(r.averageTotal), level: t(`resultExplanation.referTo.${r.toLevel}`), date: formatDate(r.sentOn) })}</p>
            {roundId ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700 underline underline-offset-2">{t("results.outcomeTitle")}</summary>
                <ReferralOutcomeForm referralId={r.id} today={today} defaultLevel={r.toLevel} />
              </details>
            ) : r.dossier.round ? (
              <p className="mt-1 text-sm">
                <Link href={`/results?round=${r.dossier.round.id}`} className="text-brand-700 underline underline-offset-2">
                  {t("results.openRound", { name: t("results.roundName", { no: r.dossier.round.no, year: r.dossier.round.cycleYear }) })}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function RoundIndex({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const rounds = await listResultRounds(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("results.title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("results.intro")}</p>
      <h2 className="mt-6 text-lg font-semibold">{t("results.rounds")}</h2>
      {rounds.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("results.noRounds")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("results.round")}</th>
                <th scope="col" className="p-2">{t("results.level")}</th>
                {(["STAGED", "CHECKED", "RELEASED"] as const).map((s) => <th key={s} scope="col" className="p-2 text-right">{t(`results.resultStatus.${s}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} className="border-b border-stone-100">
                  <td className="p-2">
                    <Link href={`/results?round=${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.title}</Link>
                    <span className="block text-xs text-stone-600">{t("results.roundName", { no: r.no, year: r.cycleYear })} · {formatDate(r.completeBy)}</span>
                  </td>
                  <td className="p-2">{t(`certificates.levels.${r.level}`)}</td>
                  <td className={r.byStatus.STAGED > 0 ? "p-2 text-right font-semibold text-amber-800 tabular-nums" : "p-2 text-right tabular-nums"}>{r.byStatus.STAGED}</td>
                  <td className="p-2 text-right tabular-nums">{r.byStatus.CHECKED}</td>
                  <td className="p-2 text-right tabular-nums">{r.byStatus.RELEASED}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OpenReferrals actor={actor} />
    </>
  );
}

async function RoundResults({ actor, roundId }: { actor: Actor; roundId: string }) {
  const round = await findRoundForResults(actor, roundId);
  if (!round) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const [results, decisions] = await Promise.all([listRoundResults(round), listRoundDecisions(round)]);
  const checkers = await namesOf(results.map((r) => r.result?.checkedById ?? null));
  const checked = results.filter((r) => r.result?.status === "CHECKED" && r.status === "COUNCIL_DONE");
  const needsDecision = checked.some((r) => releaseAction(r.result!, round.level) === "recognise");
  return (
    <>
      <p className="text-sm"><Link href="/results" className="text-brand-700 underline underline-offset-2">{t("results.back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{round.title}</h1>
      <p className="text-stone-700">{t("results.roundName", { no: round.no, year: round.cycleYear })} · {t(`certificates.levels.${round.level}`)}</p>

      {results.length === 0 ? (
        <p className="mt-4">{t("results.empty")}</p>
      ) : (
        <div className="relative mt-4 overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full min-w-[60rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("results.product")}</th>
                <th scope="col" className="p-2 text-right">{t("results.average")}</th>
                <th scope="col" className="p-2">{t("results.star")}</th>
                <th scope="col" className="p-2">{t("results.outcome")}</th>
                <th scope="col" className="p-2">{t("results.resultState")}</th>
                <th scope="col" className="p-2">{t("results.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((d) => {
                const r = d.result!;
                const outcome = releaseAction(r, round.level);
                const referral = d.referrals[0];
                return (
                  <tr key={d.id} className="border-b border-stone-100 align-top">
                    <td className="p-2">
                      <Link href={`/dossiers/${d.id}`} className="font-medium text-brand-700 underline underline-offset-2">{d.productName}</Link>
                      <span className="block text-xs text-stone-600">{d.producer.name} · {d.producer.ward.name}</span>
                      {r.spreadExceeded ? <span className="block text-xs font-semibold text-red-700">{t("results.spreadWarning", { spread: average(r.spread) })}</span> : null}
                      {r.knockedOut ? <span className="block text-xs font-semibold text-red-700">{t("results.knockedOut")}</span> : null}
                    </td>
                    <td className="p-2 text-right tabular-nums">
                      {average(r.averageTotal)}
                      <span className="block text-xs text-stone-600">{t("results.members", { count: r.memberCount })}</span>
                    </td>
                    <td className="p-2 whitespace-nowrap">{r.star === null ? "—" : <StarRating stars={r.star} />}</td>
                    <td className="p-2">
                      {t(`results.outcomes.${outcome}`, { count: r.star ?? r.bandStar })}
                      {d.certificate ? (
                        <Link href={`/certificates/${d.certificate.id}`} className="block text-xs text-brand-700 underline underline-offset-2">{t("results.certificate", { number: d.certificate.number })}</Link>
                      ) : null}
                      {referral ? <span className="block text-xs text-stone-600">{t("results.referredTo", { level: t(`resultExplanation.referTo.${referral.toLevel}`) })}</span> : null}
                    </td>
                    <td className="p-2">
                      <StatusPill tone={RESULT_TONE[r.status] ?? "DRAFT"}>{t(`results.resultStatus.${r.status}`)}</StatusPill>
                      {r.checkedById && r.checkedAt ? <span className="mt-1 block text-xs text-stone-600">{t("results.checkedBy", { name: checkers.get(r.checkedById) ?? "—", time: formatDateTime(r.checkedAt) })}</span> : null}
                    </td>
                    <td className="p-2">
                      <div className="flex flex-col items-start gap-1">
                        {d.status === "COUNCIL_DONE" ? <ResultRowActions dossierId={d.id} status={r.status} productName={d.productName} /> : null}
                        {allSheetsIn(r.explanation) ? (
                          <a href={`/api/dossiers/${d.id}/minutes`} target="_blank" rel="noopener" className="text-sm text-brand-700 underline underline-offset-2">
                            {t("results.minutes")}
                            <span className="sr-only"> — {d.productName}</span>
                          </a>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="decisions" className="mt-8">
        <h2 id="decisions" className="text-lg font-semibold">{t("results.decisionsTitle")}</h2>
        {decisions.length === 0 ? <p className="mt-2 text-stone-700">{t("results.noDecisions")}</p> : (
          <ul className="mt-2 space-y-1">
            {decisions.map((d) => (
              <li key={d.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                <span className="font-medium">{d.number}</span> · {formatDate(d.signedOn)} · {d.signerName}, {d.signerTitle}
                <span className="block text-xs text-stone-600">{t("results.decisionUsed", { count: d._count.results })}</span>
              </li>
            ))}
          </ul>
        )}
        <DecisionForm roundId={round.id} today={today} />
      </section>

      <section aria-labelledby="release" className="mt-8">
        <h2 id="release" className="text-lg font-semibold">{t("results.releaseTitle")}</h2>
        <ReleasePanel
          roundId={round.id}
          checked={checked.length}
          needsDecision={needsDecision}
          decisions={decisions.map((d) => ({ id: d.id, label: `${d.number} — ${formatDate(d.signedOn)}` }))}
        />
      </section>

      <OpenReferrals actor={actor} roundId={round.id} />
    </>
  );
}
