import "server-only";
import { z } from "zod";

// Validated once at start-up; code reads `env`, never process.env (architecture.md §3.9).
const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là một URL PostgreSQL"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET phải có ít nhất 16 ký tự"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Uploaded documents (local-disk driver). Several instances must share this folder.
  STORAGE_DIR: z.string().min(1).default("storage"),
  // Used in links inside e-mails.
  APP_URL: z.string().url().default("http://localhost:3000"),
  // smtp://user:pass@host:587 — when unset, e-mails are written to the server log instead.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Cổng OCOP <no-reply@ocop.local>"),
  // At most 24: server actions carry 25 MB (next.config.ts), and the app must refuse first.
  UPLOAD_MAX_MB: z.coerce.number().positive().max(24).default(20),
  // Reverse proxies in front of the app that append to X-Forwarded-For. With 0 the header is the
  // client's own word and is ignored, so sign-in throttling then works per account only.
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(5).default(0),
  // Failed sign-ins allowed per account and per address inside the window before a pause.
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines}`);
  }
  return parsed.data;
}

// Validated on first read rather than at import, so `next build` (which imports every route
// without a database) works; the first request of a misconfigured instance fails loudly.
let cached: Env | undefined;
export const env: Env = new Proxy({} as Env, {
  get(_target, key) {
    cached ??= load();
    return cached[key as keyof Env];
  },
});

/**
 * The portal's public address for absolute links (Open Graph, sitemap). Pages may be prerendered
 * by `next build`, which runs without the database settings the rest of `env` insists on; there
 * the default address stands in, and requests at run time read the configured one.
 */
export function publicUrl(): URL {
  try {
    return new URL(env.APP_URL);
  } catch {
    return new URL("http://localhost:3000");
  }
}
