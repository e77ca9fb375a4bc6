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
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/generated/prisma/client", "@prisma/*", "@/lib/db/client"], message: "Use the actor-scoped functions of lib/db." }] }],
    },
  },
  {
    // The action wrapper owns the transaction; actions receive `tx` from it.
    files: ["lib/actions/define-action.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
