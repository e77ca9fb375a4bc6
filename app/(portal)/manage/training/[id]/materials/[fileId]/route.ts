import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { courseResource, findCourse, findCourseMaterial } from "@/lib/db/training";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

// A course material for the office before the course is published (afterwards /api/media serves
// it to everyone). Anyone else gets 404, like an unknown file.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  const actor = await getActor();
  const course = actor ? await findCourse(actor, id) : null;
  const file = actor && course && can(actor, "training.manage", courseResource(course)) ? await findCourseMaterial(course, fileId) : null;
  const bytes = file ? await fileStorage().get(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
