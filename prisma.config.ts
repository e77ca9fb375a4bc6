// Prisma 7 CLI config: used only for `prisma generate`. Migrations run through
// prisma/migrate-tool (Prisma 6 with its wasm schema engine), see README "Database".
import path from "node:path";
import { defineConfig } from "prisma/config";

// Point the CLI at a stub that fails loudly, so it neither downloads an engine nor silently
// "succeeds" at a migrate command it cannot run.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/bin/no-schema-engine");
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
