import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { eventResource, findEvent } from "@/lib/db/events";
import { participantExport } from "@/lib/export/lists/participants";
import { exportTranslator, listExportResponse, plain, signInRedirect } from "@/lib/export/run";

export const dynamic = "force-dynamic";

/**
 * The participants of an event as Excel, as /manage/events/[id] shows them: every registration
 * for the office (event.manage), the confirmed ones for others who may open the event. An event
 * the actor cannot load answers 404, like the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return signInRedirect(new URL(request.url));
  const event = await findEvent(actor, id);
  if (!event) return plain(404, exportTranslator()("reports.export.notFound"));
  const manages = can(actor, "event.manage", eventResource(event));
  return listExportResponse(request, participantExport(event, manages), () => ({}));
}
