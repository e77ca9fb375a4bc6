import { afterEach, describe, expect, it, vi } from "vitest";
import { ttlCache } from "@/lib/cache/ttl";

describe("ttlCache", () => {
  afterEach(() => vi.useRealTimers());

  it("shares one load per key until the time is up", async () => {
    vi.useFakeTimers();
    const load = vi.fn(async (k: string) => `${k}-${load.mock.calls.length}`);
    const cached = ttlCache<string>({ ttlMs: 1000 });
    const get = (k: string) => cached(k, () => load(k));
    expect(await Promise.all([get("a"), get("a")])).toEqual(["a-1", "a-1"]);
    vi.advanceTimersByTime(999);
    expect(await get("a")).toBe("a-1");
    vi.advanceTimersByTime(1);
    expect(await get("a")).toBe("a-2");
    expect(await get("b")).toBe("b-3");
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cached = ttlCache<number>({ ttlMs: 60_000 });
    const get = (k: string) =>
      cached(k, async () => {
        if (fail) throw new Error("down");
        return 1;
      });
    await expect(get("k")).rejects.toThrow("down");
    fail = false;
    expect(await get("k")).toBe(1);
  });

  it("drops the oldest key beyond its size", async () => {
    const load = vi.fn(async (k: string) => k);
    const cached = ttlCache<string>({ ttlMs: 60_000, max: 2 });
    const get = (k: string) => cached(k, () => load(k));
    await get("a");
    await get("b");
    await get("c");
    await get("b");
    expect(load).toHaveBeenCalledTimes(3);
    await get("a");
    expect(load).toHaveBeenCalledTimes(4);
  });
});
