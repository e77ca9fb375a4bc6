import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listRoundYears, listRounds } from "@/lib/db/rounds";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate } from "@/lib/i18n/format";
import { intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { ROUND_TONE } from "@/components/council/tones";

export default async function RoundsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/rounds");
  if (!can(actor, "round.list", { type: "dashboard" })) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const thisYear = Number(today.slice(0, 4));
  const years = await listRoundYears(actor);
  // The current cycle by default; "all" lists every year.
  const all = textParam(sp, "year") === "all";
  const year = all ? undefined : (intParam(sp, "year", 2019, 2100) ?? (years.includes(thisYear) || years.length === 0 ? thisYear : years[0]));
  const rounds = await listRounds(actor, { year });
  const canManage = can(actor, "round.manage", { type: "round", id: "", council: null });
  const yearOptions = [...new Set([thisYear, ...years])].sort((a, b) => b - a);
  const count = (roundId: string, n: number, stage?: string) =>
    n === 0 ? <span className="text-stone-500">0</span> : <Link href={`/rounds/${roundId}${stage ? `?stage=${stage}` : ""}#dossiers`} className="font-medium text-brand-700 underline underline-offset-2">{n}</Link>;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("rounds.title")}</h1>
        {canManage ? <Link href={`/rounds/new?year=${year ?? thisYear}`} className={buttonClass("primary")}>{t("rounds.new")}</Link> : null}
      </div>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("rounds.intro")}</p>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-sm">
          {t("rounds.year")}
          <select name="year" defaultValue={all ? "all" : String(year)} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            {yearOptions.map((y) => <option key={y} value={y}>{y}</option>)}
            <option value="all">{t("rounds.allYears")}</option>
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("rounds.apply")}</button>
      </form>
      {rounds.length === 0 ? (
        <p className="mt-4">{t("rounds.empty")}</p>
      ) : (
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <caption className="sr-only">{t("rounds.title")}</caption>
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("rounds.round")}</th>
                <th scope="col" className="p-2">{t("rounds.status")}</th>
                <th scope="col" className="p-2">{t("rounds.proposalsBy")}</th>
                <th scope="col" className="p-2">{t("rounds.completeBy")}</th>
                <th scope="col" className="p-2 text-right">{t("rounds.members")}</th>
                <th scope="col" className="p-2 text-right">{t("rounds.dossiers")}</th>
                <th scope="col" className="p-2 text-right">{t("rounds.stage.waiting")}</th>
                <th scope="col" className="p-2 text-right">{t("rounds.stage.scoring")}</th>
                <th scope="col" className="p-2 text-right">{t("rounds.stage.done")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => {
                const due = r.completeBy.toISOString().slice(0, 10);
                const late = r.status !== "CLOSED" && due < today;
                return (
                  <tr key={r.id} className="border-b border-stone-100">
                    <td className="p-2">
                      <Link href={`/rounds/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.title}</Link>
                      <span className="block text-xs text-stone-600">{t(`evaluationLevel.${r.level}`)} · {t("rounds.cycle", { year: r.cycleYear })}</span>
                    </td>
                    <td className="p-2"><StatusPill tone={ROUND_TONE[r.status]}>{t(`roundStatus.${r.status}`)}</StatusPill></td>
                    <td className="p-2 tabular-nums">{formatDate(r.proposalsBy)}</td>
                    <td className={late ? "p-2 font-semibold text-red-700 tabular-nums" : "p-2 tabular-nums"}>
                      {formatDate(r.completeBy)}
                      {late ? <span className="block text-xs">{t("rounds.overdue")}</span> : null}
                    </td>
                    <td className="p-2 text-right tabular-nums">{r.memberCount}</td>
                    <td className="p-2 text-right tabular-nums">{count(r.id, r.counts.total)}</td>
                    <td className="p-2 text-right tabular-nums">{count(r.id, r.counts.waiting, "waiting")}</td>
                    <td className="p-2 text-right tabular-nums">{count(r.id, r.counts.scoring, "scoring")}</td>
                    <td className="p-2 text-right tabular-nums">{count(r.id, r.counts.done, "done")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
