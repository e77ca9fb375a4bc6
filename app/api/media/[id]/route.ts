import { findPublicFile } from "@/lib/db/public-files";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

// Files of published records (catalogue photos, news covers, library documents). Anyone may read
// them, so they may be cached briefly; a file of an unpublished record answers 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = await findPublicFile(id);
  const bytes = file ? await fileStorage().get(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  const name = encodeURIComponent(file.fileName);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${file.mime.startsWith("image/") ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      // Short, so a file taken down with its record stops being served soon after.
      "Cache-Control": "public, max-age=300",
    },
  });
}
