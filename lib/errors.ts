// Expected failures are typed codes; the UI maps each to a translated message (errors.<code>).
// Unexpected errors are logged on the server and shown as INTERNAL, never with database text.
export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "FORBIDDEN",
  "CONFLICT",
  "INVALID_TRANSITION",
  "RATE_LIMITED",
  "PRODUCER_NOT_VERIFIED",
  "INCOMPLETE",
  "FILE_TOO_LARGE",
  "FILE_TYPE_NOT_ALLOWED",
  "FILE_EMPTY",
  "FILE_LIMIT",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

/** A record the actor may not see, or that does not exist: both answer 404 (no existence oracle). */
export class NotFoundError extends AppError {
  constructor(what = "record") {
    super("NOT_FOUND", `${what} not found`);
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; fieldErrors?: Record<string, string[]> };

/** zod-style issues as field → message keys. Only catalogue keys reach the browser; zod's own
 * English defaults become a generic key. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const message = /^[a-z]+\.[A-Za-z]+$/.test(issue.message) ? issue.message : "validation.invalid";
    (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(message);
  }
  return fieldErrors;
}
