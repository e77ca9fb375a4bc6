import { getActor } from "@/lib/auth/session";
import { findAttachment } from "@/lib/db/attachments";
import { findEditableFile } from "@/lib/db/public-files";
import { fileStorage } from "@/lib/storage";
import { fileResponse } from "@/lib/storage/serve";

export const dynamic = "force-dynamic";

// Files are served only through here: the caller must be able to see the record the file
// belongs to; anyone else, signed in or not, gets the same 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  // A record's own files, or a file of a catalogue, news, library, gift-set or course record
  // the actor edits (before it is published /api/media does not serve it).
  const file = actor ? ((await findAttachment(actor, id))?.file ?? (await findEditableFile(actor, id))) : null;
  const bytes = file ? await fileStorage().get(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return fileResponse(file, bytes, { cache: "private" });
}
