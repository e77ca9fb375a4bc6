// Prisma 6 config for the migration tool: the wasm schema engine (`engine: "js"`) over a
// driver adapter, so migrations need no downloaded binary (toolchain.md §2.2–2.3).
import { defineConfig } from "prisma/config";
import { PrismaPgMigrate } from "./adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./.schema/schema.prisma",
  migrations: { path: "../migrations" },
  adapter: async () => new PrismaPgMigrate(process.env.DATABASE_URL!),
});
