import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "prisma/migrate-tool/**", "prisma/data/**", "test-results/**", ".data/**", "next-env.d.ts"],
  },
  {
    // The one way in for data (architecture.md §3.1): pages, components and actions reach
    // PostgreSQL only through lib/db.
    files: ["app/**", "components/**", "lib/actions/**", "lib/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/generated/prisma/client", "@prisma/*"], message: "Use lib/db." }] }],
    },
  },
];

export default config;
