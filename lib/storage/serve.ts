import { ALLOWED_UPLOAD_TYPES } from "./file-type";

/**
 * Raster images a browser shows as a picture and nothing else. SVG is an image that runs
 * scripts, so it is never here; PDFs open in a viewer that runs scripts too, so they download.
 */
const INLINE_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif", "image/heic", "image/heif"]);

// Types the upload check can have stored. A row with anything else (older data, a hand-made
// import) is served as bytes to save, never with a type a browser would render or run.
const SERVABLE_TYPES: ReadonlySet<string> = new Set([...ALLOWED_UPLOAD_TYPES.images, ...ALLOWED_UPLOAD_TYPES.documents, "image/gif", "image/avif"]);

/** RFC 8187 value: unlike encodeURIComponent, also escapes ' ( ) * which end or confuse the parameter. */
function rfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A plain ASCII name for clients that ignore filename*: Vietnamese letters lose their marks. */
function asciiFallback(name: string): string {
  const plain = name
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;,%]/g, "_");
  return plain || "file";
}

/** Content-Disposition for a stored file: inline only for plain raster images. */
export function contentDisposition(fileName: string, mime: string): string {
  const kind = INLINE_TYPES.has(mime) ? "inline" : "attachment";
  return `${kind}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc8187(fileName)}`;
}

/**
 * The response for an uploaded file. Whatever its bytes hide (HTML after an image, script in a
 * PDF), the browser may only treat it as the stored type: no sniffing, a sandboxed document with
 * no scripts, styles, frames or requests, and a download for anything that is not a raster image.
 */
export function fileResponse(file: { fileName: string; mime: string }, bytes: Uint8Array, opts: { cache: "private" | "public" }): Response {
  const mime = SERVABLE_TYPES.has(file.mime) ? file.mime : "application/octet-stream";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName, mime),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'",
      // Private files may not be read by another site's page, even as an image.
      ...(opts.cache === "private" ? { "Cross-Origin-Resource-Policy": "same-origin" } : {}),
      // Public ones briefly cached, so a file taken down with its record stops being served soon after.
      "Cache-Control": opts.cache === "private" ? "private, no-store" : "public, max-age=300",
    },
  });
}
