import { safeFileName } from "@/lib/pdf/response";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * RFC 5987 ext-value of a UTF-8 string: every byte outside attr-char percent-encoded.
 * encodeURIComponent leaves ' ( ) * unencoded, which attr-char does not allow.
 */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The UTF-8 name a browser saves: Vietnamese kept, no path separators, quotes or control characters. */
export function utf8FileName(name: string): string {
  const clean = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return clean || "tai-lieu";
}

/**
 * Content-Disposition of a download: the name twice, plain ASCII for old clients and UTF-8
 * (RFC 6266 + RFC 5987) for the rest, so no product or ward name can break the header.
 */
export function attachmentDisposition(name: string, extension: string): string {
  const ascii = `${safeFileName(name)}.${extension}`;
  const utf8 = `${utf8FileName(name)}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(utf8)}`;
}

/** A PDF to download (the annual report), with the same headers as an Excel export. */
export function pdfDownloadResponse(file: Buffer, name: string): Response {
  return download(file, name, "pdf", "application/pdf");
}

/**
 * An Excel file to download. Never stored by shared caches: what it holds depends on who asks.
 * nosniff keeps a browser from reading the bytes as anything else.
 */
export function xlsxResponse(file: Buffer, name: string): Response {
  return download(file, name, "xlsx", XLSX_TYPE);
}

function download(file: Buffer, name: string, extension: string, type: string): Response {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(file.byteLength),
      "Content-Disposition": attachmentDisposition(name, extension),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
