import "server-only";

/** An ASCII file name: Vietnamese letters lose their marks (đ → d), anything else becomes "-". */
export function safeFileName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);
  return ascii || "tai-lieu";
}

/**
 * A PDF shown in the browser (inline), never cached by shared caches: what it says depends on
 * who asks. The file name is given twice, plain ASCII for old clients and UTF-8 for the rest,
 * so no header can be broken by a product's name.
 */
export function pdfResponse(pdf: Buffer, name: string): Response {
  const file = `${safeFileName(name)}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `inline; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
