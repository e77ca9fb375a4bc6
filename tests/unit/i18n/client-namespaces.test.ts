// Public and sign-in pages send their client components only some namespaces
// (components/i18n/client-messages.tsx). Every client component such a page reaches, directly or
// through the components it imports, must find its strings among them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTH_CLIENT_NAMESPACES, PUBLIC_CLIENT_NAMESPACES } from "@/components/i18n/client-messages";

const root = path.resolve(import.meta.dirname, "../../..");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Namespaces that the client components reachable from `file` translate with. */
function clientNamespaces(file: string, seen = new Set<string>(), insideClient = false): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const src = readFileSync(file, "utf8");
  const client = insideClient || /^["']use client["']/m.test(src);
  if (client) {
    for (const m of src.matchAll(/useTranslations\(\s*"(\w+)/g)) found.add(m[1]!);
    if (/useTranslations\(\s*\)/.test(src)) for (const m of src.matchAll(/\bt\(\s*["`](\w+)\./g)) found.add(m[1]!);
  }
  // lib/ modules hold no components; only components and pages are followed.
  for (const m of src.matchAll(/from\s+"([^"]+)"/g)) {
    const target = resolveImport(file, m[1]!);
    if (target && !target.includes(`${path.sep}lib${path.sep}`)) for (const n of clientNamespaces(target, seen, client)) found.add(n);
  }
  return found;
}

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pagesUnder(path.join(dir, e.name)) : /\.tsx$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe("namespaces sent to client components", () => {
  it("the sign-in page's client components use no catalogue; registration wraps its form in every namespace it uses", () => {
    expect([...clientNamespaces(path.join(root, "app", "(auth)", "login", "page.tsx"))]).toEqual([]);
    const register = path.join(root, "app", "(auth)", "register", "page.tsx");
    const used = clientNamespaces(register);
    expect(readFileSync(register, "utf8")).toContain("<ClientMessages namespaces={AUTH_CLIENT_NAMESPACES}>");
    expect([...used].filter((n) => !(AUTH_CLIENT_NAMESPACES as readonly string[]).includes(n)).sort()).toEqual([]);
    // The scan is not vacuous: the registration form's namespaces are found.
    expect(used.size).toBeGreaterThan(1);
  });

  it("a public page that uses translated client components wraps them in ClientMessages with what they need", () => {
    const wrapping: string[] = [];
    for (const page of pagesUnder(path.join(root, "app", "(public)")).filter((f) => /(page|layout)\.tsx$/.test(f))) {
      const used = clientNamespaces(page);
      if (used.size === 0) continue;
      const src = readFileSync(page, "utf8");
      expect(src, page).toContain("<ClientMessages namespaces={PUBLIC_CLIENT_NAMESPACES}>");
      expect([...used].filter((n) => !(PUBLIC_CLIENT_NAMESPACES as readonly string[]).includes(n)).sort(), page).toEqual([]);
      wrapping.push(path.relative(root, page));
    }
    expect(wrapping).toContain(path.join("app", "(public)", "points-of-sale", "apply", "page.tsx"));
  });
});
