import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { minutesData } from "@/lib/db/decisions";
import { dossierResource, findDossier } from "@/lib/db/dossiers";
import { translatorFor } from "@/lib/i18n/translate";
import { renderMinutesPdf } from "@/lib/pdf/minutes";
import { pdfResponse } from "@/lib/pdf/response";

export const dynamic = "force-dynamic";

// The council minutes of a dossier (biên bản họp hội đồng). They carry every member's total, so
// only those who may read the other members' sheets get them (the office, a seat that has
// submitted its own sheet, a non-scoring secretary: policy score.readOthers), and only once all
// counted sheets are in. Everyone else, signed in or not, gets the same 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const dossier = actor ? await findDossier(actor, id) : null;
  if (!actor || !dossier || !can(actor, "score.readOthers", dossierResource(dossier))) return new Response("Not found", { status: 404 });
  const data = await minutesData(dossier);
  if (!data) return new Response("Not found", { status: 404 });
  const pdf = await renderMinutesPdf(data);
  const name = translatorFor("vi")("minutesPdf.fileName", { name: dossier.productCode ?? dossier.productName });
  return pdfResponse(pdf, name);
}
