import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { toCsv } from "@/lib/domain/csv";
import { courseResource, findCourse, listAttendanceCertificates } from "@/lib/db/training";
import { formatDate } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import { organisationOf } from "@/components/events/organisation";

export const dynamic = "force-dynamic";

/**
 * The list of certificates of attendance of a course as CSV, for the office (training.manage):
 * anyone else gets 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const course = actor ? await findCourse(actor, id) : null;
  if (!actor || !course || !can(actor, "training.manage", courseResource(course))) return new Response("Not found", { status: 404 });
  const t = translatorFor("vi");
  const rows = await listAttendanceCertificates(course);
  const roleName = (role: string) => t(`roles.${role}` as never);
  const header = [t("trainingCsv.no"), t("trainingCsv.name"), t("trainingCsv.organisation"), t("trainingCsv.certificateNo"), t("trainingCsv.course"), t("trainingCsv.dates")];
  const dates = `${formatDate(course.startsOn)} - ${formatDate(course.endsOn)}`;
  // toCsv defuses formulas in typed names (CSV injection) and writes the BOM Excel needs for Vietnamese.
  const body = toCsv(header, rows.map((r, i) => [i + 1, r.user.name, organisationOf(r, roleName), r.attendanceCertificateNo, course.title, dates]));
  const fileName = `chung-nhan-tham-du-${course.id}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
