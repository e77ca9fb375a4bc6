import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { IDEA_ACTION_PERMISSION } from "@/lib/auth/workflow-permissions";
import { findIdea, ideaResource, listIdeaRevisions, nextIdeaInQueue } from "@/lib/db/ideas";
import { listStatusEvents } from "@/lib/db/timeline";
import { isOverdue, vietnamDateOf } from "@/lib/domain";
import { IDEA_MACHINE, allowedActions, isEditableByOwner } from "@/lib/domain/workflow";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { Timeline } from "@/components/ocop/timeline";
import { StatusPill } from "@/components/ocop/status-pill";
import { Attachments } from "@/components/ocop/attachments";
import { buttonClass } from "@/components/ui/button";
import { IdeaActions } from "./idea-actions";
import { withParams, type SearchParams } from "@/lib/validation/search-params";
import { queueFilters } from "../queue-filters";

export default async function IdeaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/ideas/${id}`);
  const idea = await findIdea(actor, id);
  if (!idea) notFound();
  const t = await getTranslations();
  const resource = ideaResource(idea);
  const actions = allowedActions(IDEA_MACHINE, idea.status).filter((a) => can(actor, IDEA_ACTION_PERMISSION[a], resource));
  const reviewer = actions.some((a) => a === "return" || a === "forward" || a === "accept");
  const [events, revisions, nextId] = await Promise.all([
    listStatusEvents({ entityType: "ProductIdea", id: idea.id }),
    listIdeaRevisions(idea),
    reviewer ? queueFilters(sp, actor, idea.status).then(({ filters }) => nextIdeaInQueue(actor, filters, idea.id)) : null,
  ]);
  const canEdit = can(actor, "idea.edit", resource) && isEditableByOwner(IDEA_MACHINE, idea.status);
  const due = idea.wardDueOn ? vietnamDateOf(idea.wardDueOn) : null;
  // Stored values are codes; show them the way the detail above does.
  const revisionValue = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (key === "novelty") return t(`novelty.${v}` as never);
    if (key === "ideaOrigin") return t(`ideaOrigin.${v}` as never);
    return String(v);
  };
  const fields: [string, React.ReactNode][] = [
    [t("ideas.producer"), idea.producer.name],
    [t("ideas.ward"), idea.producer.ward.name],
    [t("ideas.cycleYear"), idea.cycleYear],
    [t("ideas.novelty"), t(`novelty.${idea.novelty}`)],
    [t("ideas.classification"), idea.criteriaSet ? `${idea.criteriaSet.no}. ${idea.criteriaSet.name}` : "—"],
    [t("ideas.description"), idea.description || "—"],
    [t("ideas.rawMaterials"), idea.rawMaterials || "—"],
    [t("ideas.localLabour"), [idea.localLabour, idea.localWorkerCount !== null ? `(${idea.localWorkerCount})` : ""].filter(Boolean).join(" ") || "—"],
    [t("ideas.ideaOrigin"), idea.ideaOrigin ? t(`ideaOrigin.${idea.ideaOrigin}`) : "—"],
    [t("ideas.localIdentity"), idea.localIdentity || "—"],
    [t("ideas.targetMarket"), idea.targetMarket || "—"],
  ];
  return (
    <>
      <p className="text-sm"><Link href="/ideas" className="text-brand-700 underline underline-offset-2">{t("ideas.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{idea.productName}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <StatusPill tone={idea.status}>{t(`ideaStatus.${idea.status}`)}</StatusPill>
        {due && idea.status === "SUBMITTED" ? (
          <span className={isOverdue(due, vietnamDateOf(new Date())) ? "font-semibold text-red-700" : "text-stone-700"}>
            {t("ideas.dueOn")}: {formatDate(idea.wardDueOn)}
            {isOverdue(due, vietnamDateOf(new Date())) ? ` — ${t("ideas.overdue")}` : ""}
          </span>
        ) : null}
      </div>
      {idea.producer.verificationStatus !== "VERIFIED" && canEdit ? <p className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900">{t("ideas.notVerified")}</p> : null}
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
        {fields.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-stone-700">{k}</dt>
            <dd className="whitespace-pre-line">{v}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <p className="mt-4">
          <Link href={`/ideas/${idea.id}/edit`} className={buttonClass("secondary")}>{t("ideas.edit")}</Link>
        </p>
      ) : null}
      {actions.includes("submit") || actions.includes("resubmit") ? <p className="mt-4 text-sm text-stone-700">{t("ideas.submitHint")}</p> : null}
      <IdeaActions ideaId={idea.id} name={idea.productName} actions={actions} nextHref={nextId ? `/ideas/${nextId}${withParams(sp, {})}` : null} />
      <Attachments entity={{ type: "ProductIdea", id: idea.id }} canUpload={canEdit} />
      {idea.status === "ACCEPTED" ? (
        <section aria-labelledby="plan" className="mt-8">
          <h2 id="plan" className="text-lg font-semibold">{t("ideas.plan")}</h2>
          {idea.plan ? (
            <Link href={`/plans/${idea.plan.id}`} className="text-brand-700 underline underline-offset-2">{t(`planStatus.${idea.plan.status}`)}</Link>
          ) : can(actor, "plan.create", { ...resource, type: "plan" }) ? (
            <Link href={`/plans/new?idea=${idea.id}`} className={buttonClass("primary", "mt-2")}>{t("ideas.createPlan")}</Link>
          ) : (
            <p className="text-stone-600">—</p>
          )}
        </section>
      ) : null}
      {revisions.length > 0 ? (
        <section aria-labelledby="revisions" className="mt-8">
          <h2 id="revisions" className="text-lg font-semibold">{t("ideas.revisions")}</h2>
          <ul className="mt-2 space-y-2">
            {revisions.map((r) => (
              <li key={r.version}>
                <details className="rounded-md border border-stone-200 bg-white p-3">
                  <summary className="cursor-pointer">{t("ideas.version", { version: r.version })} · {formatDateTime(r.submittedAt)}</summary>
                  <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[12rem_1fr]">
                    {Object.entries(r.snapshot as Record<string, unknown>)
                      .filter(([k]) => k !== "version")
                      .map(([k, v]) => (
                        <div key={k} className="contents">
                          <dt className="text-stone-600">{t(`ideas.${k}` as never)}</dt>
                          <dd className="whitespace-pre-line">{revisionValue(k, v)}</dd>
                        </div>
                      ))}
                  </dl>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Timeline events={events} statusNamespace="ideaStatus" />
    </>
  );
}
