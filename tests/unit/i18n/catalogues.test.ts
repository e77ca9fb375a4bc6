import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE_FILES, MESSAGES } from "@/lib/i18n/messages";

const { vi, en } = MESSAGES;
import { formatDate, formatVnd } from "@/lib/i18n/format";

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ""): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));

describe("message catalogues", () => {
  it("each namespace lives in one file, and an area file has the same namespaces in both languages", () => {
    for (const files of Object.values(CATALOGUE_FILES)) {
      const seen = Object.values(files).flatMap((f) => Object.keys(f));
      expect(seen.filter((k, i) => seen.indexOf(k) !== i)).toEqual([]);
    }
    for (const area of Object.keys(CATALOGUE_FILES.vi) as (keyof typeof CATALOGUE_FILES.vi)[]) {
      expect(Object.keys(CATALOGUE_FILES.en[area]).sort()).toEqual(Object.keys(CATALOGUE_FILES.vi[area]).sort());
    }
  });

  it("Vietnamese and English have exactly the same keys, none empty", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(vi as Tree).sort());
    const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
    expect(values(vi as Tree).filter((v) => !v.trim())).toEqual([]);
  });

  it("every t(\"…\") key used in app/ and components/ exists", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const all = new Set(keys(vi as Tree));
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          const src = readFileSync(p, "utf8");
          const ns = /getTranslations\("(\w+)"\)|useTranslations\("(\w+)"\)/.exec(src);
          const prefix = ns ? `${ns[1] ?? ns[2]}.` : "";
          for (const m of src.matchAll(/\b[tc]\("([\w.]+)"/g)) {
            const key = m[1]!;
            const full = all.has(key) ? key : prefix + key;
            const viaCommon = "common." + key;
            if (!all.has(full) && !all.has(viaCommon)) missing.push(`${path.relative(root, p)}: ${key}`);
          }
        }
      }
    };
    walk(path.join(root, "app"));
    walk(path.join(root, "components"));
    expect(missing).toEqual([]);
  });
});

describe("formats", () => {
  it("dates are dd/MM/yyyy in Vietnam's time zone and money is VND with dots", () => {
    expect(formatDate(new Date("2026-05-21T18:30:00Z"))).toBe("22/05/2026");
    expect(formatVnd(1500000).replace(/\s/g, " ")).toBe("1.500.000 ₫");
  });
});
