// Everything users type is rendered as text (issue 8, part 2): React escapes text and attributes,
// and the one way around it is dangerouslySetInnerHTML (or its DOM twins). No file of app/ or
// components/ uses them. The allow-list is empty: the portal has no JSON-LD or other trusted
// markup. Should one be needed, its file goes here with the reason, and it must serialise with
// "<" escaped (JSON.stringify(...).replace(/</g, "\\u003c")) so a typed "</script>" cannot close it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const ALLOWED: Record<string, string> = {};
const RAW_HTML = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(|createContextualFragment/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(tsx?|jsx?|mjs)$/.test(e.name) ? [path.relative(ROOT, full)] : [];
  });
}

describe("no raw HTML in the pages", () => {
  const files = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "components"))];

  it("reads the pages and components", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("components/communication/paragraphs.tsx");
  });

  it("no file of app/ or components/ injects HTML, except the allow-list", () => {
    const offenders = files.filter((f) => !(f in ALLOWED) && RAW_HTML.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("every allowed file still exists and still needs its exception", () => {
    for (const f of Object.keys(ALLOWED)) expect(RAW_HTML.test(readFileSync(path.join(ROOT, f), "utf8")), f).toBe(true);
  });
});
