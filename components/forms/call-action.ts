import type { ActionResult } from "@/lib/errors";

/**
 * Calls a server action from the browser. A dropped connection or a server that changed under
 * the page throws instead of answering; that becomes an ordinary INTERNAL result, so the form
 * keeps what was typed and says so, instead of the framework's error screen.
 */
export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    console.error(error);
    return { ok: false, code: "INTERNAL" };
  }
}
