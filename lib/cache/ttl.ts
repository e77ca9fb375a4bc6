// A small per-instance cache for reads that are expensive and change rarely (the map of wards,
// the wards that have listed products). Each server instance keeps its own copy for a few
// minutes, so nothing here needs sharing between instances; what must be exact after a write
// (a revocation, a decision) is never read through it.

type Entry<T> = { at: number; value: Promise<T> };

/**
 * What `load()` gave for a key, kept for `ttlMs`, at most `max` keys (the oldest is dropped
 * first). A load that fails is not kept: the next call tries again. Concurrent callers of one key
 * share one load. The key must name everything the load reads.
 */
export function ttlCache<T>(options: { ttlMs: number; max?: number }): (key: string, load: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, Entry<T>>();
  const max = options.max ?? 100;
  return (key, load) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < options.ttlMs) return hit.value;
    entries.delete(key);
    const value = load();
    entries.set(key, { at: now, value });
    while (entries.size > max) entries.delete(entries.keys().next().value as string);
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
