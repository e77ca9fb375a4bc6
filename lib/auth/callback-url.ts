// Only same-site paths are followed after sign-in: an absolute or protocol-relative URL in
// ?callbackUrl= would turn the sign-in page into an open redirect for phishing. Browsers drop
// tabs and newlines and read "\\" as "/", so "/\t/evil.example" is refused as well.
const FALLBACK = "/home";
const ORIGIN = "http://ocop.invalid";

export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return FALLBACK;
  try {
    const url = new URL(raw, ORIGIN);
    if (url.origin !== ORIGIN) return FALLBACK;
    return url.pathname + url.search + url.hash;
  } catch {
    return FALLBACK;
  }
}
