import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { dossierResource, findDossier } from "@/lib/db/dossiers";
import { findOwnSheet, lastReopen, pinnedSheet, readCouncilSheets, scoringContext } from "@/lib/db/scoring";
import { vietnamDateOf } from "@/lib/domain/dates";
import { FORM_03_ASSESSMENT_KEYS } from "@/lib/domain/dossier-intake";
import { formatDate, formatDateTime, formatScore } from "@/lib/i18n/format";
import { StatusPill } from "@/components/ocop/status-pill";
import { ScoringWorkspace } from "@/components/council/scoring-workspace";
import { CloseScoring, ReopenSheet } from "@/components/council/scoring-controls";
import { SHEET_TONE } from "@/components/council/tones";

const link = "text-brand-700 underline underline-offset-2";

export default async function ScoringPage({ params }: { params: Promise<{ dossierId: string }> }) {
  const { dossierId } = await params;
  const actor = await requireActor(`/evaluation/${dossierId}`);
  const dossier = await findDossier(actor, dossierId);
  if (!dossier) notFound();
  const resource = dossierResource(dossier);
  const canScore = can(actor, "score.edit", resource);
  const canReadOthers = can(actor, "score.readOthers", resource);
  // The producer and the ward read the dossier on its own page; this one is the council's.
  if (!canScore && !canReadOthers) notFound();
  const [sheet, context, own] = await Promise.all([pinnedSheet(dossier), scoringContext(dossier), canScore ? findOwnSheet(actor, dossier) : null]);
  if (!sheet) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  // Only asked when allowed: before their own sheet is in, a member's page never queries the others'.
  const council = canReadOthers ? await readCouncilSheets(actor, dossier) : null;
  const reopen = own && own.status === "DRAFT" && own.reopenCount > 0 ? await lastReopen(own) : null;
  const scoring = dossier.status === "COUNCIL_SCORING";
  const isChair = dossier.seat?.role === "CHAIR";
  const result = council?.result ?? null;
  const allIn = council !== null && council.expected > 0 && council.sheets.length === council.expected;
  const ownState = !own ? "NOT_STARTED" : own.status === "SUBMITTED" ? "SUBMITTED" : own.total === null ? "NOT_STARTED" : "DRAFT";
  const due = dossier.round ? dossier.round.completeBy.toISOString().slice(0, 10) : null;
  const form03 = context.form03;

  return (
    <>
      <p className="text-sm"><Link href="/evaluation" className={link}>{t("evaluation.title")}</Link>{dossier.round ? <> · <Link href={`/rounds/${dossier.round.id}`} className={link}>{dossier.round.title}</Link></> : null}</p>
      <h1 className="mt-1 text-2xl font-bold">{dossier.productName}</h1>
      <p className="text-stone-700">{dossier.producer.name} · {dossier.producer.ward.name}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusPill tone={scoring ? "IMPLEMENTING" : "ACCEPTED"}>{t(`dossierStatus.${dossier.status}` as never)}</StatusPill>
        {canScore ? <StatusPill tone={SHEET_TONE[ownState]}>{t(`sheetState.${ownState}`)}</StatusPill> : null}
        {due ? <span className={scoring && due < today ? "text-sm font-semibold text-red-700" : "text-sm text-stone-700"}>{t("evaluation.dueOn", { date: formatDate(due) })}</span> : null}
      </div>

      <details className="mt-4 rounded-lg border border-stone-200 bg-white p-4" open>
        <summary className="cursor-pointer font-semibold">{t("evaluation.summaryTitle")}</summary>
        <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-stone-700">{t("evaluation.set")}</dt>
          <dd>{t("evaluation.setName", { no: context.criteriaSet.no, name: context.criteriaSet.name })}</dd>
          <dt className="font-medium text-stone-700">{t("evaluation.evaluationType")}</dt>
          <dd>{t(`evaluationType.${dossier.evaluationType}` as never)}</dd>
          <dt className="font-medium text-stone-700">{t("evaluation.productCode")}</dt>
          <dd className="tabular-nums">{dossier.productCode ?? "—"}</dd>
          <dt className="font-medium text-stone-700">{t("evaluation.legalRep")}</dt>
          <dd>{dossier.producer.legalRepName}</dd>
          <dt className="font-medium text-stone-700">{t("evaluation.samples")}</dt>
          <dd>{context.sampleCount ?? "—"}</dd>
          <dt className="font-medium text-stone-700">{t("evaluation.documents")}</dt>
          <dd>{t("evaluation.documentCount", { count: context.evidence.length })} · <Link href={`/dossiers/${dossier.id}`} className={link}>{t("evaluation.openDossier")}</Link></dd>
        </dl>
        <h2 className="mt-4 font-semibold">{t("evaluation.form03Title")}{context.form03At ? <span className="font-normal text-stone-600"> · {formatDate(context.form03At)}</span> : null}</h2>
        {form03 ? (
          <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
            {FORM_03_ASSESSMENT_KEYS.map((key) => (
              <div key={key} className="contents">
                <dt className="font-medium text-stone-700">{t(`evaluation.form03.${key}`)}</dt>
                <dd className="whitespace-pre-line" lang="vi">{typeof form03[key] === "string" && form03[key] ? String(form03[key]) : "—"}</dd>
              </div>
            ))}
          </dl>
        ) : <p className="mt-1 text-sm text-stone-600">{t("evaluation.noForm03")}</p>}
      </details>

      {reopen ? (
        <div role="note" className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{t("evaluation.reopenedNotice", { name: reopen.actorName ?? "", at: formatDateTime(reopen.at) })}</p>
          {reopen.comment ? <p className="mt-1 whitespace-pre-line">{reopen.comment}</p> : null}
        </div>
      ) : null}

      {canScore ? (
        <section aria-labelledby="my-sheet" className="mt-6">
          <h2 id="my-sheet" className="text-xl font-semibold">{t("evaluation.mySheet")}</h2>
          {own?.status === "SUBMITTED" ? (
            <p className="mt-1 text-sm text-stone-700">{t("evaluation.submittedAt", { at: formatDateTime(own.submittedAt), total: formatScore(own.total ?? 0) })}</p>
          ) : !scoring ? (
            <p className="mt-1 text-sm text-stone-700">{t("evaluation.notOpen")}</p>
          ) : null}
          <ScoringWorkspace
            key={`${own?.updatedAt.toISOString() ?? "new"}-${own?.status ?? ""}`}
            dossierId={dossier.id}
            storageKey={`ocop-score:${dossier.id}:${actor.userId}`}
            sheet={sheet}
            initial={{
              answers: own?.answers ?? { items: {} },
              comment: own?.comment ?? "",
              version: own ? own.updatedAt.toISOString() : null,
              status: own?.status === "SUBMITTED" || !scoring ? "SUBMITTED" : (own?.status ?? null),
            }}
            selfScore={context.selfScore}
            evidence={context.evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, expiresOn: e.expiresOn, itemCodes: e.itemCodes, fileId: e.fileId }))}
            others={council ? { members: council.sheets.map((s) => ({ userId: s.userId, name: s.name, itemPoints: s.itemPoints })), itemSpreads: result?.explanation.itemSpreads ?? {} } : null}
            today={today}
          />
        </section>
      ) : null}

      {council ? (
        <section aria-labelledby="council-sheets" className="mt-8">
          <h2 id="council-sheets" className="text-xl font-semibold">{t("evaluation.councilSheets")}</h2>
          <p className="mt-1 text-sm text-stone-700">{t("evaluation.councilProgress", { submitted: council.sheets.length, expected: council.expected })}</p>
          {result ? (
            <div className={result.spreadExceeded ? "mt-2 rounded-lg border border-amber-400 bg-amber-50 p-4" : "mt-2 rounded-lg border border-stone-200 bg-white p-4"}>
              <p className="tabular-nums">
                {t("evaluation.average", { value: formatScore(Math.round(result.averageTotal * 100) / 100) })} · {t("evaluation.spread", { value: formatScore(result.spread), max: dossier.round?.maxSpread ?? 0 })}
              </p>
              {result.spreadExceeded ? <p className="font-semibold text-amber-900">{t("evaluation.needsDiscussion")}</p> : null}
              {result.knockedOut ? <p className="font-semibold text-red-700">{t("evaluation.knockedOut")}</p> : null}
              <p className="text-sm text-stone-700">{t("evaluation.provisionalStar", { star: result.star ?? result.bandStar })}</p>
            </div>
          ) : null}
          {council.sheets.length > 0 ? (
            <ul className="mt-3 grid gap-2 md:grid-cols-2">
              {council.sheets.map((s) => (
                <li key={s.userId} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                  <p className="font-medium">{s.name} · {t(`councilRole.${s.role}`)}</p>
                  <p className="text-lg font-semibold tabular-nums">{formatScore(s.total)}</p>
                  <p className="text-stone-600">{t("evaluation.submittedOn", { at: formatDateTime(s.submittedAt) })}{s.reopenCount > 0 ? ` · ${t("evaluation.reopenedCount", { count: s.reopenCount })}` : ""}</p>
                  {s.knockOuts > 0 ? <p className="font-medium text-red-700">{t("evaluation.memberKnockOuts", { count: s.knockOuts })}</p> : null}
                  {s.comment ? <p className="mt-1 whitespace-pre-line text-stone-800">{s.comment}</p> : null}
                  {isChair && scoring ? <div className="mt-2"><ReopenSheet dossierId={dossier.id} userId={s.userId} name={s.name} /></div> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {scoring && allIn && (isChair || (actor.role === "ECONOMIC_OFFICE" && !result?.spreadExceeded)) ? (
            <div className="mt-4"><CloseScoring dossierId={dossier.id} name={dossier.productName} discussion={result?.spreadExceeded ?? false} /></div>
          ) : null}
        </section>
      ) : canScore ? (
        <p className="mt-8 rounded-md border border-stone-200 bg-stone-50 p-3 text-sm text-stone-700">{t("evaluation.othersAfterSubmit")}</p>
      ) : null}
    </>
  );
}
