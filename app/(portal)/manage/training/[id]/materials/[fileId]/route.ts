import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { courseResource, findCourse, findCourseMaterial } from "@/lib/db/training";
import { fileStorage } from "@/lib/storage";
import { fileResponse } from "@/lib/storage/serve";

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
  return fileResponse(file, bytes, { cache: "private" });
}
