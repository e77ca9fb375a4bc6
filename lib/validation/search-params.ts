import "@/lib/zod-config";
// URL query values arrive as string | string[] | undefined and are the visitor's to forge:
// read each as one bounded value, never hand the raw object to a query.
export type SearchParams = Record<string, string | string[] | undefined>;

export function textParam(sp: SearchParams, key: string, maxLength = 200): string | undefined {
  const raw = sp[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, maxLength) : undefined;
}

export function intParam(sp: SearchParams, key: string, min: number, max: number): number | undefined {
  const value = textParam(sp, key, 12);
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

export function enumParam<T extends string>(sp: SearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = textParam(sp, key, 64);
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The same query with some keys replaced (undefined removes a key). */
export function withParams(sp: SearchParams, changes: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && !(k in changes)) out.set(k, first);
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== "") out.set(k, String(v));
  const s = out.toString();
  return s ? `?${s}` : "";
}
