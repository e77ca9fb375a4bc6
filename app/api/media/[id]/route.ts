import { findPublicFile } from "@/lib/db/public-files";
import { fileStorage } from "@/lib/storage";
import { fileResponse } from "@/lib/storage/serve";

export const dynamic = "force-dynamic";

// Files of published records (catalogue photos, news covers, library documents). Anyone may read
// them, so they may be cached briefly; a file of an unpublished record answers 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = await findPublicFile(id);
  const bytes = file ? await fileStorage().get(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return fileResponse(file, bytes, { cache: "public" });
}
