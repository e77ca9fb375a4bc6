import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { courseResource, findCourse, listAttendanceCertificates } from "@/lib/db/training";
import { formatDate } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import { organisationOf } from "@/components/events/organisation";

export const dynamic = "force-dynamic";

// A cell as Excel reads it: quoted when needed, and a leading = + - @ neutralised so a name typed
// into the portal cannot become a formula in the office's spreadsheet (CSV injection).
function cell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The list of certificates of attendance of a course as CSV, for the office (training.manage):
 * UTF-8 with a byte-order mark so Excel shows Vietnamese correctly. Anyone else gets 404.
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
  const lines = [header, ...rows.map((r, i) => [i + 1, r.user.name, organisationOf(r, roleName), r.attendanceCertificateNo ?? "", course.title, dates])].map((l) => l.map(cell).join(","));
  const body = `\uFEFF${lines.join("\r\n")}\r\n`;
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
