import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import {
  courseResource,
  courseScheduleOf,
  findCourse,
  findOwnRegistration,
  listAttendanceCertificates,
  listCourseHistory,
  listCourseMaterials,
  listRegistrations,
  managesTraining,
} from "@/lib/db/training";
import { vietnamDateOf } from "@/lib/domain/dates";
import {
  canCancelRegistrationOn,
  canRecordAttendanceOn,
  isCourseRegistrationOpen,
  lastCourseRegistrationDay,
  seatsLeft,
  TRAINING_EDITABLE,
  TRAINING_MACHINE,
  type TrainingState,
} from "@/lib/domain/training";
import { allowedActions } from "@/lib/domain/workflow/machine";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { AttendanceForm } from "@/components/events/attendance-form";
import { CourseActions, CourseRegistration } from "@/components/events/course-actions";
import { History } from "@/components/events/history";
import { MaterialUpload, RemoveMaterial } from "@/components/events/material-upload";
import { organisationOf } from "@/components/events/organisation";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { Facts } from "@/components/ui/facts";

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/training/${id}`);
  const course = await findCourse(actor, id);
  if (!course) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const today = vietnamDateOf(new Date());
  const schedule = courseScheduleOf(course);
  const resource = courseResource(course);
  const manages = managesTraining(actor);
  const status = course.status as TrainingState;
  const [registrations, materials, own, certificates, history] = await Promise.all([
    listRegistrations(course),
    listCourseMaterials(course),
    findOwnRegistration(actor, course.id),
    manages ? listAttendanceCertificates(course) : Promise.resolve([]),
    manages ? listCourseHistory(course) : Promise.resolve([]),
  ]);
  const live = registrations.filter((r) => r.status === "REGISTERED");
  const roleName = (role: string) => t(`roles.${role}` as never);
  const transitions = manages ? allowedActions(TRAINING_MACHINE, status) : [];
  const mayRegister = can(actor, "training.register", resource);
  const registered = own?.status === "REGISTERED";
  const open = isCourseRegistrationOpen(schedule, today);
  const kb = (n: number) => `${format.number(Math.max(1, Math.round(n / 1024)))} KB`;
  const fileHref = (fileId: string) => (course.status === "PUBLISHED" ? `/api/media/${fileId}` : `/manage/training/${course.id}/materials/${fileId}`);
  const facts: [string, React.ReactNode][] = [
    [t("training.audience"), t(`trainingAudience.${course.audience}`)],
    [t("events.dates"), `${formatDate(course.startsOn)} – ${formatDate(course.endsOn)}`],
    [t("training.place"), course.place],
    [t("training.registrationClosesOn"), formatDate(lastCourseRegistrationDay(schedule))],
    [t("training.capacity"), t("training.seatsSummary", { registered: live.length, capacity: course.capacity, left: seatsLeft(course.capacity, live.length) })],
  ];
  return (
    <>
      <p className="text-sm"><Link href="/manage/training" className="text-brand-700 underline underline-offset-2">{t("training.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{course.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusPill tone={course.status}>{t(`trainingStatus.${course.status}`)}</StatusPill>
        {open ? <StatusPill tone="REGISTERED">{t("events.registrationOpen")}</StatusPill> : null}
      </div>
      <Facts facts={facts} />
      {course.description ? <p className="mt-4 max-w-3xl whitespace-pre-line">{course.description}</p> : null}
      {manages && TRAINING_EDITABLE.includes(status) ? (
        <p className="mt-4"><Link href={`/manage/training/${course.id}/edit`} className={buttonClass("secondary")}>{t("training.edit")}</Link></p>
      ) : null}
      {manages ? <CourseActions courseId={course.id} title={course.title} canPublish={transitions.includes("publish")} canCancel={transitions.includes("cancel")} /> : null}

      {mayRegister || own ? (
        <section aria-labelledby="my-seat" className="mt-8">
          <h2 id="my-seat" className="text-lg font-semibold">{t("training.mySeat")}</h2>
          <div className="mt-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="my-seat">
            {own ? (
              <p>
                <StatusPill tone={own.status}>{t(`trainingRegistration.${own.status}`)}</StatusPill>
                {own.attendanceCertificateNo ? <span className="ml-2 font-medium text-brand-800">{t("training.certificateNo", { number: own.attendanceCertificateNo })}</span> : null}
              </p>
            ) : (
              <p>{mayRegister ? t("training.notRegistered") : t("training.notForYou")}</p>
            )}
            {course.status === "CANCELLED" ? <p className="mt-2">{t("training.cancelledNotice")}</p> : !open && !registered ? <p className="mt-2">{t("training.registrationClosedNotice")}</p> : null}
            <CourseRegistration courseId={course.id} title={course.title} registered={registered} canRegister={mayRegister && open} canCancel={mayRegister && canCancelRegistrationOn(schedule, today)} />
          </div>
        </section>
      ) : manages ? null : (
        <p className="mt-6 rounded-md bg-stone-100 p-3">{t("training.notForYou")}</p>
      )}

      <section aria-labelledby="materials" className="mt-8">
        <h2 id="materials" className="text-lg font-semibold">{t("training.materials")}</h2>
        {materials.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("training.noMaterials")}</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="materials">
            {materials.map((f) => (
              <li key={f.id} className="flex flex-wrap items-baseline gap-x-3">
                <a href={fileHref(f.id)} className="text-brand-700 underline underline-offset-2">{f.fileName}</a>
                <span className="text-sm text-stone-600">{kb(f.size)} · {formatDateTime(f.createdAt)}</span>
                {manages && course.status !== "CANCELLED" ? <RemoveMaterial courseId={course.id} attachmentId={f.id} name={f.fileName} /> : null}
              </li>
            ))}
          </ul>
        )}
        {manages && course.status === "DRAFT" && materials.length > 0 ? <p className="mt-1 text-sm text-stone-600">{t("training.materialsPrivateUntilPublished")}</p> : null}
        {manages && course.status !== "CANCELLED" ? <MaterialUpload courseId={course.id} maxMb={env.UPLOAD_MAX_MB} /> : null}
      </section>

      {manages ? (
        <>
          <section aria-labelledby="registrants" className="mt-8">
            <h2 id="registrants" className="text-lg font-semibold">{t("training.registrants", { count: live.length })}</h2>
            {registrations.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("training.noRegistrants")}</p>
            ) : (
              <div className="relative mt-2 overflow-x-auto">
                <table className="w-full min-w-[40rem] border-collapse bg-white text-sm" data-testid="registrants">
                  <thead>
                    <tr className="border-b border-stone-300 text-left">
                      <th scope="col" className="p-2">{t("training.person")}</th>
                      <th scope="col" className="p-2">{t("training.organisation")}</th>
                      <th scope="col" className="p-2">{t("training.registeredAt")}</th>
                      <th scope="col" className="p-2">{t("events.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {registrations.map((r) => (
                      <tr key={r.id} className="border-b border-stone-100 align-top">
                        <td className="p-2">
                          {r.user.name}
                          <span className="block text-xs text-stone-600">{[r.user.phone, r.user.email].filter(Boolean).join(" · ")}</span>
                        </td>
                        <td className="p-2">{organisationOf(r, roleName)}</td>
                        <td className="whitespace-nowrap p-2">{formatDateTime(r.createdAt)}</td>
                        <td className="p-2">
                          <StatusPill tone={r.status === "CANCELLED" ? "WITHDRAWN" : r.attended === true ? "ATTENDED" : r.attended === false ? "ABSENT" : "REGISTERED"}>
                            {r.status === "CANCELLED" ? t("trainingRegistration.CANCELLED") : r.attended === true ? t("training.present") : r.attended === false ? t("training.absent") : t("trainingRegistration.REGISTERED")}
                          </StatusPill>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="attendance-heading" id="attendance" className="mt-8 scroll-mt-4">
            <h2 id="attendance-heading" className="text-lg font-semibold">{t("training.attendance")}</h2>
            {canRecordAttendanceOn(schedule, today) ? (
              live.length === 0 ? (
                <p className="mt-2 text-stone-600">{t("training.noRegistrants")}</p>
              ) : (
                <AttendanceForm
                  courseId={course.id}
                  rows={live.map((r) => ({ id: r.id, name: r.user.name, organisation: organisationOf(r, roleName), attended: r.attended, number: r.attendanceCertificateNo }))}
                />
              )
            ) : (
              <p className="mt-2 text-stone-600">{course.status === "PUBLISHED" ? t("training.attendanceFrom", { date: formatDate(course.startsOn) }) : t("training.attendanceNeedsPublished")}</p>
            )}
          </section>
          <section aria-labelledby="certificates" className="mt-8">
            <h2 id="certificates" className="text-lg font-semibold">{t("training.certificates")}</h2>
            {certificates.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("training.noCertificates")}</p>
            ) : (
              <>
                <ol className="mt-2 grid gap-1" data-testid="attendance-certificates">
                  {certificates.map((c) => (
                    <li key={c.id} className="flex flex-wrap justify-between gap-x-4 rounded-md border border-stone-200 bg-white p-2">
                      <span>
                        <span className="font-medium">{c.user.name}</span>
                        <span className="block text-sm text-stone-700">{organisationOf(c, roleName)}</span>
                      </span>
                      <span className="font-medium tabular-nums">{c.attendanceCertificateNo}</span>
                    </li>
                  ))}
                </ol>
                <p className="mt-3">
                  <a href={`/manage/training/${course.id}/attendance.csv`} className={buttonClass("secondary")} download>{t("training.exportCsv")}</a>
                </p>
              </>
            )}
          </section>
          <History entries={history} />
        </>
      ) : null}
    </>
  );
}
