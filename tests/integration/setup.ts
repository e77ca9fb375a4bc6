import { vi } from "vitest";
import { currentActor } from "./act-as";

// Outside a Next.js request there is no cookie session and no cache to revalidate: the session
// is whoever the test says it is, and revalidation is a no-op.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => currentActor(),
  requireActor: async () => {
    const actor = currentActor();
    if (!actor) throw new Error("redirect to /login");
    return actor;
  },
}));

if (!/_test$/.test(new URL(process.env.DATABASE_URL ?? "postgresql://x/none").pathname)) {
  throw new Error("Integration tests run only on a database whose name ends in _test (npm test creates it).");
}
