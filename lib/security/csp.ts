// The portal's security headers, kept in one place: proxy.ts sets the per-request ones on every
// page, next.config.ts the fixed ones on every response. No "server-only": the proxy bundle is
// not built with React's server condition.

export type CspOptions = {
  /** Fresh for every request; Next.js reads it from the request's CSP header and stamps it on its own scripts. */
  nonce: string;
  /** Development builds need eval for React's call-stack reconstruction and fast refresh. */
  development: boolean;
  /** Upgrading subresources only makes sense on a site served over https. */
  https: boolean;
};

/**
 * Every page is rendered per request (the root layout reads the locale cookie), so each one can
 * carry a nonce: scripts run only when Next.js stamped them, and 'strict-dynamic' lets those load
 * the chunks they import. Styles keep 'unsafe-inline' because React style attributes (charts,
 * progress bars) cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off.
 * Images, fonts and fetches stay on our own origin: nothing on the portal loads from elsewhere.
 */
export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** 128 random bits, base64: what CSP's nonce-source grammar accepts. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** True when the configured public address is https (production behind TLS). */
export function servedOverHttps(appUrl: string | undefined): boolean {
  try {
    return new URL(appUrl ?? "").protocol === "https:";
  } catch {
    return false;
  }
}

/** Headers that do not vary per request; next.config.ts sends them on every response. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Old browsers ignore frame-ancestors; both say the same thing.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** Two years, as browsers' preload lists ask; only ever sent for an https site in production. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** The per-request headers of a page response. */
export function pageSecurityHeaders(opts: { nonce: string; nodeEnv: string | undefined; appUrl: string | undefined }): { "Content-Security-Policy": string; "Strict-Transport-Security"?: string } {
  const production = opts.nodeEnv === "production";
  const https = production && servedOverHttps(opts.appUrl);
  return {
    "Content-Security-Policy": contentSecurityPolicy({ nonce: opts.nonce, development: opts.nodeEnv === "development", https }),
    ...(https ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}
