import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOMAIN_DIR = new URL("../../../lib/domain/", import.meta.url);

function sourceFiles(dir: URL, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`)
      : entry.name.endsWith(".ts")
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

describe("lib/domain purity (architecture.md §1: pure functions over data)", () => {
  const files = sourceFiles(DOMAIN_DIR);

  it("finds the domain sources", () => {
    expect(files).toContain("scoring/index.ts");
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s imports only other domain modules", (file) => {
    const text = readFileSync(new URL(file, DOMAIN_DIR), "utf8");
    const specifiers = [...text.matchAll(/(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of specifiers) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^(\.{1,2}\/|@\/lib\/domain\/)/);
    }
    expect(text).not.toMatch(/process\.env|require\(/);
  });

  it("uses kebab-case file names", () => {
    for (const file of files) expect(file).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*\/)*[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
  });
});
