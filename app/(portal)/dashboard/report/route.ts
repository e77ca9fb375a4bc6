import { getActor } from "@/lib/auth/session";
import { vietnamDateOf } from "@/lib/domain/dates";
import { annualReportData, annualReportFilters } from "@/lib/export/annual-report";
import { pdfDownloadResponse } from "@/lib/export/response";
import { exportTranslator, plain, searchParamsOf, signInRedirect } from "@/lib/export/run";
import { renderAnnualReportPdf } from "@/lib/pdf/annual-report";

export const dynamic = "force-dynamic";

/**
 * The annual report as PDF (policy report.annual): the dashboard of the year and ward in the URL
 * (a ward officer always gets its own ward), with the annual plan's targets against what was
 * achieved. Signed out: to sign-in and back; refused: 404, as the dashboard answers.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const actor = await getActor();
  if (!actor) return signInRedirect(url);
  const t = exportTranslator();
  const today = vietnamDateOf(new Date());
  const { year, wardId, wards } = await annualReportFilters(searchParamsOf(url), actor, today);
  const data = await annualReportData(actor, { year, wardId }, today, wards);
  if (!data) return plain(404, t("reports.export.notFound"));
  const pdf = await renderAnnualReportPdf(data);
  const name = data.wardName ? t("reports.annual.fileNameWard", { year, ward: data.wardName }) : t("reports.annual.fileName", { year });
  return pdfDownloadResponse(pdf, name);
}
