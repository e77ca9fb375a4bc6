import { NextResponse } from "next/server";
import { databaseIsReachable } from "@/lib/db/health";

// For load balancers: 200 when this instance can reach PostgreSQL, 503 when not.
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseIsReachable();
  return NextResponse.json({ status: ok ? "ok" : "degraded" }, { status: ok ? 200 : 503 });
}
