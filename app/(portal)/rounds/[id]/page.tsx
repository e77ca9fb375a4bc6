import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { intakeFlagsForMany } from "@/lib/db/dossiers";
import { listWards } from "@/lib/db/reference";
import {
  declarationChoices,
  findRound,
  listAssignableDossiers,
  listCouncil,
  listCouncilCandidates,
  listDeclarations,
  listRoundConflicts,
  listRoundDossiers,
  ROUND_STAGES,
  roundResource,
  STAGE_STATUSES,
} from "@/lib/db/rounds";
import { roundProgress } from "@/lib/db/scoring";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate, formatDateTime, formatScore } from "@/lib/i18n/format";
import { enumParam, type SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { IntakeFlagList } from "@/app/(portal)/dossiers/intake-flags";
import { AddMemberForm, MemberControls } from "@/components/council/council-editor";
import { DeclarationForm, RemoveDeclaration } from "@/components/council/declarations";
import { AssignDossiers, CloseRound, RemoveDossier, StartScoring } from "@/components/council/round-dossiers";
import { EditRoundForm } from "@/components/council/round-form";
import { CloseScoring, ReopenSheet, RemindButton } from "@/components/council/scoring-controls";
import { ROUND_TONE, SHEET_TONE } from "@/components/council/tones";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const link = "text-brand-700 underline underline-offset-2";

export default async function RoundPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/rounds/${id}`);
  const round = await findRound(actor, id);
  if (!round) notFound();
  const t = await getTranslations();
  const res = roundResource(round);
  const open = round.status !== "CLOSED";
  const canManage = can(actor, "round.manage", res) && open;
  const canProgress = can(actor, "score.progress", res);
  const canRemind = can(actor, "score.remind", res) && round.status === "SCORING";
  const canDeclare = can(actor, "round.declareConflict", res) && open;
  const isChair = round.seat?.role === "CHAIR";
  const stage = enumParam(sp, "stage", ROUND_STAGES);
  const today = vietnamDateOf(new Date());
  const overdue = open && iso(round.completeBy) < today;

  const [council, allDossiers, declarations, conflicts, progress] = await Promise.all([
    listCouncil(round),
    listRoundDossiers(actor, round),
    listDeclarations(actor, round),
    listRoundConflicts(actor, round),
    canProgress ? roundProgress(actor, round) : null,
  ]);
  const [candidates, assignable, choices, wards] = await Promise.all([
    canManage ? listCouncilCandidates(round) : [],
    canManage ? listAssignableDossiers(actor) : [],
    canDeclare ? declarationChoices(actor, round) : null,
    canDeclare ? listWards() : [],
  ]);
  // Papers are checked against this round's completion date, the day they must still be valid.
  const flags = await intakeFlagsForMany(assignable.map((d) => ({ ...d, round: { completeBy: round.completeBy } })));
  const dossiers = stage ? allDossiers.filter((d) => STAGE_STATUSES[stage].includes(d.status)) : allDossiers;
  const stageCount = (s: (typeof ROUND_STAGES)[number]) => allDossiers.filter((d) => STAGE_STATUSES[s].includes(d.status)).length;
  const startable = allDossiers.filter((d) => d.status === "FORWARDED" || d.status === "ADVISORY_REVIEW").length;
  const isCouncilViewer = actor.role === "COUNCIL_MEMBER";
  const dossierHref = (dossierId: string) => (isCouncilViewer ? `/evaluation/${dossierId}` : `/dossiers/${dossierId}`);
  const scoringColumns = progress ? progress.members.map((m, i) => ({ ...m, index: i })).filter((m) => m.scores) : [];

  return (
    <>
      <p className="text-sm"><Link href="/rounds" className={link}>{t("rounds.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{round.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusPill tone={ROUND_TONE[round.status]}>{t(`roundStatus.${round.status}`)}</StatusPill>
        <span className="text-sm text-stone-700">{t(`evaluationLevel.${round.level}`)} · {t("rounds.cycle", { year: round.cycleYear })}</span>
        {round.seat ? <span className="rounded-full bg-brand-100 px-2.5 py-0.5 text-sm font-medium text-brand-800">{t("rounds.yourSeat", { role: t(`councilRole.${round.seat.role}`) })}</span> : null}
      </div>

      {/* ---------------- The round ---------------- */}
      <section aria-labelledby="info" className="mt-6">
        <h2 id="info" className="text-lg font-semibold">{t("rounds.infoTitle")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
          <dt className="font-medium text-stone-700">{t("rounds.proposalsBy")}</dt>
          <dd className="tabular-nums">{formatDate(round.proposalsBy)}</dd>
          <dt className="font-medium text-stone-700">{t("rounds.completeBy")}</dt>
          <dd className={overdue ? "font-semibold text-red-700 tabular-nums" : "tabular-nums"}>{formatDate(round.completeBy)}{overdue ? ` — ${t("rounds.overdue")}` : ""}</dd>
          <dt className="font-medium text-stone-700">{t("rounds.fieldMaxSpread")}</dt>
          <dd className="tabular-nums">{t("rounds.pointsValue", { points: round.maxSpread })}</dd>
          <dt className="font-medium text-stone-700">{t("rounds.fieldKnockOutRule")}</dt>
          <dd>{t(`knockOutRule.${round.knockOutRule}`)}</dd>
          <dt className="font-medium text-stone-700">{t("rounds.fieldCouncilDecision")}</dt>
          <dd className="whitespace-pre-line">{round.councilDecision || "—"}</dd>
        </dl>
        {canManage ? (
          <details className="mt-3 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("rounds.editTitle")}</summary>
            <EditRoundForm
              key={round.updatedAt.toISOString()}
              values={{
                roundId: round.id,
                version: round.updatedAt.toISOString(),
                title: round.title,
                level: round.level,
                proposalsBy: iso(round.proposalsBy),
                completeBy: iso(round.completeBy),
                maxSpread: round.maxSpread,
                knockOutRule: round.knockOutRule,
                councilDecision: round.councilDecision,
              }}
            />
          </details>
        ) : null}
        {canManage && round.status === "SCORING" && startable === 0 && allDossiers.every((d) => STAGE_STATUSES.done.includes(d.status)) && allDossiers.length > 0 ? (
          <div className="mt-3"><CloseRound roundId={round.id} /></div>
        ) : null}
      </section>

      {/* ---------------- The council ---------------- */}
      <section aria-labelledby="council" className="mt-8">
        <h2 id="council" className="text-lg font-semibold">{t("rounds.councilTitle", { count: council.length })}</h2>
        {council.length === 0 ? <p className="mt-2 text-stone-600">{t("rounds.councilEmpty")}</p> : (
          <ul className="mt-2 grid gap-2 md:grid-cols-2">
            {council.map((m) => (
              <li key={m.id} className={m.userId === actor.userId ? "rounded-lg border-2 border-brand-700 bg-white p-3" : "rounded-lg border border-stone-200 bg-white p-3"}>
                <p className="font-medium">{m.user.name}{m.userId === actor.userId ? <span className="text-sm font-normal text-brand-700"> — {t("rounds.you")}</span> : null}</p>
                <p className="text-sm text-stone-700">
                  {t(`councilRole.${m.role}`)} · {m.scores ? t("rounds.scoring") : t("rounds.notScoring")}
                  {m.title ? ` · ${m.title}` : ""}
                </p>
                {!m.user.isActive ? <p className="text-sm font-medium text-red-700">{t("rounds.inactive")}</p> : null}
                {canManage ? <MemberControls member={{ id: m.id, role: m.role, scores: m.scores, title: m.title }} name={m.user.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canManage ? (
          <details className="mt-3 max-w-3xl">
            <summary className="cursor-pointer font-medium text-brand-700">{t("rounds.addMember")}</summary>
            <AddMemberForm roundId={round.id} candidates={candidates} />
          </details>
        ) : null}
      </section>

      {/* ---------------- Dossiers ---------------- */}
      <section aria-labelledby="dossiers" className="mt-8">
        <h2 id="dossiers" className="text-lg font-semibold">{t("rounds.dossiersTitle")}</h2>
        {isCouncilViewer && conflicts.ownCount ? <p className="mt-1 text-sm text-stone-700">{t("rounds.ownConflicts", { count: conflicts.ownCount })}</p> : null}
        <nav aria-label={t("rounds.stageFilter")} className="mt-2 flex flex-wrap gap-2 text-sm">
          <Link href={`/rounds/${round.id}#dossiers`} aria-current={!stage ? "page" : undefined} className={!stage ? "rounded-full bg-brand-700 px-3 py-1.5 text-white" : "rounded-full border border-stone-300 bg-white px-3 py-1.5"}>
            {t("rounds.stageAll", { count: allDossiers.length })}
          </Link>
          {ROUND_STAGES.map((s) => (
            <Link key={s} href={`/rounds/${round.id}?stage=${s}#dossiers`} aria-current={stage === s ? "page" : undefined} className={stage === s ? "rounded-full bg-brand-700 px-3 py-1.5 text-white" : "rounded-full border border-stone-300 bg-white px-3 py-1.5"}>
              {t(`rounds.stage.${s}`)} ({stageCount(s)})
            </Link>
          ))}
        </nav>
        {dossiers.length === 0 ? <p className="mt-3 text-stone-600">{t("rounds.noDossiers")}</p> : (
          <ul className="mt-3 flex flex-col gap-2">
            {dossiers.map((d) => (
              <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link href={dossierHref(d.id)} className={`font-medium ${link}`}>{d.productName}</Link>
                    <p className="text-sm text-stone-700">{d.producer.name} · {d.producer.ward.name} · {t("rounds.set", { no: d.criteriaSetNo })}{d.productCode ? ` · ${d.productCode}` : ""}</p>
                  </div>
                  <StatusPill tone={d.status === "COUNCIL_SCORING" ? "IMPLEMENTING" : STAGE_STATUSES.done.includes(d.status) ? "ACCEPTED" : "SUBMITTED"}>{t(`dossierStatus.${d.status}` as never)}</StatusPill>
                </div>
                {canManage && STAGE_STATUSES.waiting.includes(d.status) ? (
                  <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                    <Link href={`/dossiers/${d.id}`} className={link}>{t("rounds.intakeLink")}</Link>
                    <RemoveDossier roundId={round.id} dossierId={d.id} name={d.productName} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canManage && startable > 0 ? (
          <div className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-700">{t("rounds.startHint", { count: startable })}</p>
            <div className="mt-2"><StartScoring roundId={round.id} count={startable} /></div>
          </div>
        ) : null}
        {canManage ? (
          <details className="mt-4 max-w-4xl" open={allDossiers.length === 0}>
            <summary className="cursor-pointer font-medium text-brand-700">{t("rounds.assignTitle")} ({assignable.length})</summary>
            <p className="mt-2 text-sm text-stone-700">{t("rounds.assignHint", { date: formatDate(round.completeBy) })}</p>
            <AssignDossiers
              roundId={round.id}
              rows={assignable.map((d) => ({
                id: d.id,
                label: d.productName,
                detail: `${d.producer.name} · ${d.producer.ward.name} · ${t("rounds.set", { no: d.criteriaSetNo })} · ${t(`dossierStatus.${d.status}` as never)}${d.forwardedAt ? ` · ${t("rounds.forwardedOn", { date: formatDate(d.forwardedAt) })}` : ""}`,
                flags: (
                  <>
                    <IntakeFlagList flags={flags.get(d.id) ?? []} />
                    <Link href={`/dossiers/${d.id}`} className={link}>{t("rounds.intakeLink")}</Link>
                  </>
                ),
              }))}
            />
          </details>
        ) : null}
      </section>

      {/* ---------------- Progress ---------------- */}
      {progress ? (
        <section aria-labelledby="progress" className="mt-8">
          <h2 id="progress" className="text-lg font-semibold">{t("rounds.progressTitle")}</h2>
          {progress.rows.length === 0 ? <p className="mt-2 text-stone-600">{t("rounds.progressEmpty")}</p> : (
            <>
              <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200">
                <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
                  <caption className="sr-only">{t("rounds.progressCaption")}</caption>
                  <thead>
                    <tr className="border-b border-stone-300 text-left align-bottom">
                      <th scope="col" className="sticky left-0 bg-white p-2">{t("rounds.dossier")}</th>
                      {scoringColumns.map((m) => <th key={m.userId} scope="col" className="p-2">{m.name}<span className="block text-xs font-normal text-stone-600">{t(`councilRole.${m.role}`)}</span></th>)}
                      <th scope="col" className="p-2">{t("rounds.summary")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.rows.map((row) => {
                      const complete = row.expected > 0 && row.submitted === row.expected;
                      const scoring = row.status === "COUNCIL_SCORING";
                      const officeCloses = actor.role === "ECONOMIC_OFFICE" && !row.needsDiscussion;
                      return (
                        <tr key={row.id} className={row.needsDiscussion ? "border-b border-stone-100 bg-amber-50 align-top" : "border-b border-stone-100 align-top"}>
                          <th scope="row" className="sticky left-0 bg-inherit p-2 text-left font-normal">
                            <Link href={dossierHref(row.id)} className={`font-medium ${link}`}>{row.productName}</Link>
                            <span className="block text-xs text-stone-600">{row.producerName}</span>
                            {!scoring ? <span className="block text-xs">{t(`dossierStatus.${row.status}` as never)}</span> : null}
                          </th>
                          {scoringColumns.map((m) => {
                            const cell = row.cells[m.index]!;
                            if (cell.kind !== "SHEET") return <td key={m.userId} className="p-2 text-stone-500">{cell.kind === "CONFLICT" ? t("rounds.cellConflict") : "—"}</td>;
                            return (
                              <td key={m.userId} className="p-2">
                                <StatusPill tone={SHEET_TONE[cell.state]}>{t(`sheetState.${cell.state}`)}</StatusPill>
                                {cell.total !== null ? <span className="mt-1 block font-semibold tabular-nums">{formatScore(cell.total)}</span> : null}
                                {cell.reopenCount > 0 ? <span className="block text-xs text-amber-900">{t("rounds.reopened", { count: cell.reopenCount })}</span> : null}
                                {cell.remindedAt && cell.state !== "SUBMITTED" ? <span className="block text-xs text-stone-600">{t("rounds.remindedAt", { at: formatDateTime(cell.remindedAt) })}</span> : null}
                                {isChair && scoring && cell.state === "SUBMITTED" ? <div className="mt-1"><ReopenSheet dossierId={row.id} userId={m.userId} name={m.name} /></div> : null}
                              </td>
                            );
                          })}
                          <td className="p-2">
                            <p className="tabular-nums">{t("rounds.submittedOf", { submitted: row.submitted, expected: row.expected })}</p>
                            {row.result ? (
                              <p className="tabular-nums">
                                {t("rounds.average", { value: formatScore(Math.round(row.result.averageTotal * 100) / 100) })} · {t("rounds.spread", { value: formatScore(row.result.spread) })}
                              </p>
                            ) : null}
                            {row.needsDiscussion ? <p className="font-semibold text-amber-900">{t("rounds.needsDiscussion", { max: round.maxSpread })}</p> : null}
                            {scoring && complete && (isChair || officeCloses) ? (
                              <div className="mt-1"><CloseScoring dossierId={row.id} name={row.productName} discussion={row.needsDiscussion} /></div>
                            ) : scoring && complete && row.needsDiscussion && actor.role === "ECONOMIC_OFFICE" ? (
                              <p className="text-xs text-stone-700">{t("rounds.waitingChair")}</p>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {progress.rows.some((r) => r.result && Object.values(r.result.itemSpreads).some((s) => s > 0)) ? (
                <div className="mt-4">
                  <h3 className="font-semibold">{t("rounds.itemDisagreement")}</h3>
                  <ul className="mt-2 flex flex-col gap-2">
                    {progress.rows.filter((r) => r.result).map((r) => {
                      const items = Object.entries(r.result!.itemSpreads).filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
                      if (items.length === 0) return null;
                      return (
                        <li key={r.id}>
                          <details className="rounded-lg border border-stone-200 bg-white p-3">
                            <summary className="cursor-pointer">{r.productName} — {t("rounds.itemsDiffer", { count: items.length })}</summary>
                            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                              {items.map(([code, s]) => (
                                <li key={code} className={s >= 2 ? "rounded border border-amber-400 bg-amber-50 px-2 py-1 tabular-nums" : "rounded border border-stone-200 px-2 py-1 tabular-nums"}>
                                  {t("rounds.itemSpread", { code, spread: s })}
                                </li>
                              ))}
                            </ul>
                          </details>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ) : null}
            </>
          )}
          {progress.late.length > 0 ? (
            <div className={progress.overdue ? "mt-4 rounded-lg border border-red-300 bg-red-50 p-4" : "mt-4 rounded-lg border border-stone-200 bg-white p-4"}>
              <h3 className="font-semibold">{progress.overdue ? t("rounds.lateOverdue") : t("rounds.late")}</h3>
              <ul className="mt-2 flex flex-col gap-2">
                {progress.late.map((m) => (
                  <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {m.name}: {t("rounds.outstanding", { count: m.outstanding })}
                      {m.lastRemindedAt ? <span className="block text-xs text-stone-600">{t("rounds.lastReminded", { at: formatDateTime(m.lastRemindedAt) })}</span> : null}
                    </span>
                    {canRemind ? <RemindButton roundId={round.id} userId={m.userId} name={m.name} /> : null}
                  </li>
                ))}
              </ul>
              {canRemind && progress.late.length > 1 ? <div className="mt-3"><RemindButton roundId={round.id} /></div> : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {/* ---------------- Conflicts of interest ---------------- */}
      <section aria-labelledby="conflicts" className="mt-8">
        <h2 id="conflicts" className="text-lg font-semibold">{t("rounds.conflictsTitle")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("rounds.conflictsIntro")}</p>
        {!isCouncilViewer ? (
          conflicts.rows.length === 0 ? <p className="mt-2 text-stone-600">{t("rounds.noConflicts")}</p> : (
            <div className="relative mt-2 overflow-x-auto">
              <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
                <caption className="sr-only">{t("rounds.conflictsTitle")}</caption>
                <thead>
                  <tr className="border-b border-stone-300 text-left">
                    <th scope="col" className="p-2">{t("rounds.member")}</th>
                    <th scope="col" className="p-2">{t("rounds.dossier")}</th>
                    <th scope="col" className="p-2">{t("rounds.source")}</th>
                    <th scope="col" className="p-2">{t("rounds.reasons")}</th>
                  </tr>
                </thead>
                <tbody>
                  {conflicts.rows.map((c) => (
                    <tr key={c.id} className="border-b border-stone-100">
                      <td className="p-2">{c.user.name}</td>
                      <td className="p-2">{c.dossier.productName}<span className="block text-xs text-stone-600">{c.dossier.producer.name}</span></td>
                      <td className="p-2">{t(`conflictSource.${c.source}`)}</td>
                      <td className="p-2">{c.reasons.map((r) => t(`conflictReason.${r}`)).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
        <h3 className="mt-4 font-semibold">{isCouncilViewer ? t("rounds.myDeclarations") : t("rounds.declarations")}</h3>
        {declarations.length === 0 ? <p className="mt-1 text-stone-600">{t("rounds.noDeclarations")}</p> : (
          <ul className="mt-2 flex flex-col gap-2">
            {declarations.map((d) => {
              const target = d.kind === "RELATIVE" ? t("rounds.relativeTarget", { family: d.familyName ?? "", ward: d.wardName ?? "" }) : [d.producerName, d.dossierName].filter(Boolean).join(" — ");
              return (
                <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                  <p className="font-medium">{isCouncilViewer ? null : `${d.user.name}: `}{t(`conflictKind.${d.kind}`)} · {target}</p>
                  {d.note ? <p className="text-stone-700">{d.note}</p> : null}
                  <p className="text-xs text-stone-600">{formatDateTime(d.createdAt)}</p>
                  {canDeclare && d.userId === actor.userId ? <div className="mt-1"><RemoveDeclaration declarationId={d.id} label={target} /></div> : null}
                </li>
              );
            })}
          </ul>
        )}
        {canDeclare && choices ? (
          <details className="mt-3 max-w-3xl" open={isCouncilViewer}>
            {/* Open for members, and kept open after a declaration so its confirmation stays in view. */}
            <summary className="cursor-pointer font-medium text-brand-700">{t("rounds.declareTitle")}</summary>
            <p className="mt-2 text-sm text-stone-700">{t("rounds.declareHint")}</p>
            <DeclarationForm
              roundId={round.id}
              producers={choices.producers.map((p) => ({ id: p.id, label: p.name }))}
              dossiers={choices.dossiers}
              wards={wards.map((w) => ({ id: w.id, label: w.name }))}
            />
          </details>
        ) : null}
      </section>
    </>
  );
}
