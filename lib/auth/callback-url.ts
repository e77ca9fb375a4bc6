// Only same-site paths are followed after sign-in: an absolute or protocol-relative URL in
// ?callbackUrl= would turn the sign-in page into an open redirect for phishing.
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/home";
  return raw;
}
