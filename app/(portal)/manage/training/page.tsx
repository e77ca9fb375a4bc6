import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { countAttendanceToRecord, COURSE_PAGE_SIZE, courseScheduleOf, listCourseQueue, listCoursesFor, managesTraining } from "@/lib/db/training";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { canRecordAttendanceOn, isCourseRegistrationOpen, lastCourseRegistrationDay, seatsLeft, TRAINING_AUDIENCES, TRAINING_STATES } from "@/lib/domain/training";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";

export default async function TrainingDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/training");
  if (!can(actor, "training.list", { type: "training", id: "", audience: "ALL", status: "PUBLISHED" })) notFound();
  const t = await getTranslations();
  if (!managesTraining(actor)) return <RegistrantDesk />;
  const f = {
    status: enumParam(sp, "status", TRAINING_STATES),
    audience: enumParam(sp, "audience", TRAINING_AUDIENCES),
    q: textParam(sp, "q", 100),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
  const [{ rows, total }, pending] = await Promise.all([listCourseQueue(actor, f), countAttendanceToRecord()]);
  const today = vietnamDateOf(new Date());
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("training.deskTitle")}</h1>
        <Link href="/manage/training/new" className={buttonClass("primary")}>{t("training.newCourse")}</Link>
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("training.deskIntro")}</p>
      {pending > 0 ? <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">{t("training.attendanceWaiting", { count: pending })}</p> : null}
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("events.filter")}>
        <label className="flex flex-col text-sm">
          {t("events.search")}
          <input name="q" defaultValue={f.q} className="min-h-11 rounded-md border border-stone-400 px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("events.status")}
          <select name="status" defaultValue={f.status ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("events.allStatuses")}</option>
            {TRAINING_STATES.map((s) => <option key={s} value={s}>{t(`trainingStatus.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("training.audience")}
          <select name="audience" defaultValue={f.audience ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("training.allAudiences")}</option>
            {TRAINING_AUDIENCES.map((a) => <option key={a} value={a}>{t(`trainingAudience.${a}`)}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("events.apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("training.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("training.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse bg-white text-sm" data-testid="course-queue">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("training.courseTitle")}</th>
                <th scope="col" className="p-2">{t("events.dates")}</th>
                <th scope="col" className="p-2">{t("events.status")}</th>
                <th scope="col" className="p-2 text-right">{t("training.registeredColumn")}</th>
                <th scope="col" className="p-2 text-right">{t("training.attendanceColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100 align-top">
                  <td className="p-2">
                    <Link href={`/manage/training/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.title}</Link>
                    <span className="block text-xs text-stone-600">{t(`trainingAudience.${r.audience}`)} · {r.place}</span>
                  </td>
                  <td className="whitespace-nowrap p-2">{formatDate(r.startsOn)} – {formatDate(r.endsOn)}</td>
                  <td className="p-2"><StatusPill tone={r.status}>{t(`trainingStatus.${r.status}`)}</StatusPill></td>
                  <td className="p-2 text-right tabular-nums">{r.registered}/{r.capacity}</td>
                  <td className="p-2 text-right tabular-nums">
                    {r.attendancePending > 0 && r.status === "PUBLISHED" && canRecordAttendanceOn({ startsOn: isoOf(r.startsOn), status: r.status }, today) ? (
                      <Link href={`/manage/training/${r.id}#attendance`} className="font-semibold text-red-800 underline">{t("training.toRecord", { count: r.attendancePending })}</Link>
                    ) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/training" searchParams={sp} page={f.page} pageSize={COURSE_PAGE_SIZE} total={total} />
    </>
  );
}

/** Producers and officials: the courses they may join, and their own registrations and certificates. */
async function RegistrantDesk() {
  const actor = await requireActor("/manage/training");
  const t = await getTranslations();
  const { open, mine } = await listCoursesFor(actor);
  const today = vietnamDateOf(new Date());
  const registered = new Set(mine.filter((m) => m.status === "REGISTERED").map((m) => m.course.id));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("training.deskTitle")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{actor.role === "PRODUCER" ? t("training.introProducer") : t("training.introOfficial")}</p>
      <section aria-labelledby="open-courses" className="mt-6">
        <h2 id="open-courses" className="text-lg font-semibold">{t("training.coursesForYou")}</h2>
        {open.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("training.noneForYou")}</p>
        ) : (
          <ul className="mt-2 grid gap-3 sm:grid-cols-2" data-testid="open-courses">
            {open.map((c) => {
              const schedule = courseScheduleOf(c);
              const left = seatsLeft(c.capacity, c._count.registrations);
              return (
                <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <p className="text-sm text-stone-700">{t(`trainingAudience.${c.audience}`)}</p>
                  <h3 className="mt-1 font-semibold">
                    <Link href={`/manage/training/${c.id}`} className="text-brand-700 underline underline-offset-2">{c.title}</Link>
                  </h3>
                  <p className="text-sm">{formatDate(c.startsOn)} – {formatDate(c.endsOn)} · {c.place}</p>
                  <p className="text-sm text-stone-700">
                    {isCourseRegistrationOpen(schedule, today) ? t("training.registerBy", { date: formatDate(lastCourseRegistrationDay(schedule)) }) : t("training.registrationClosedShort")}
                    {" · "}
                    {t("training.seatsLeft", { count: left })}
                  </p>
                  {registered.has(c.id) ? <p className="mt-2"><StatusPill tone="REGISTERED">{t("trainingRegistration.REGISTERED")}</StatusPill></p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-courses" className="mt-8">
        <h2 id="my-courses" className="text-lg font-semibold">{t("training.myRegistrations")}</h2>
        {mine.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("training.noRegistrations")}</p>
        ) : (
          <ul className="mt-2 grid gap-2" data-testid="my-courses">
            {mine.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-200 bg-white p-3">
                <span>
                  <Link href={`/manage/training/${m.course.id}`} className="font-medium text-brand-700 underline underline-offset-2">{m.course.title}</Link>
                  <span className="block text-sm text-stone-700">{formatDate(m.course.startsOn)} – {formatDate(m.course.endsOn)} · {m.course.place}</span>
                  {m.attendanceCertificateNo ? <span className="block text-sm font-medium text-brand-800">{t("training.certificateNo", { number: m.attendanceCertificateNo })}</span> : null}
                </span>
                {m.course.status === "CANCELLED" ? <StatusPill tone="CANCELLED">{t("trainingStatus.CANCELLED")}</StatusPill> : <StatusPill tone={m.status}>{t(`trainingRegistration.${m.status}`)}</StatusPill>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
