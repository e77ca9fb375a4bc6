import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/env";

// Read at request time: the public address is configured where the portal runs, not at build.
export const dynamic = "force-dynamic";

// Public pages are for search engines; the portal, the API and files behind sign-in are not.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/home", "/manage", "/dossiers", "/ideas", "/plans", "/evaluation", "/results", "/rounds", "/certificates", "/producers", "/admin", "/notifications", "/login", "/register"] },
    sitemap: new URL("/sitemap.xml", publicUrl()).toString(),
  };
}
