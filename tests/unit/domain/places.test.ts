import { describe, expect, it } from "vitest";
import { choosePlace, type WardPlace } from "@/lib/domain/places";

const w = (value: string, regionCode: string | null): WardPlace => ({ value, name: `Xã ${value}`, regionCode, regionName: regionCode ? `Tỉnh ${regionCode}` : null });
const city = [w("a", "06"), w("b", "06"), w("c", "06")];
const country = [...city, w("x", "19"), w("y", "19"), w("z", "01")];

describe("choosing a place in a filter", () => {
  it("offers every ward at once when they are in one province", () => {
    const c = choosePlace(city, undefined, undefined);
    expect(c.regions).toEqual([]);
    expect(c.wards.map((x) => x.value)).toEqual(["a", "b", "c"]);
    expect(c.filter).toBeUndefined();
    expect(choosePlace(city, undefined, "b").filter).toEqual(["b"]);
    // A province parameter means nothing where there is one province.
    expect(choosePlace(city, "06", undefined).filter).toBeUndefined();
  });

  it("asks for the province first across several, sorted by name", () => {
    const c = choosePlace(country, undefined, undefined);
    expect(c.regions.map((r) => r.code)).toEqual(["01", "06", "19"]);
    expect(c.wards).toEqual([]);
    expect(c.filter).toBeUndefined();
  });

  it("filters a chosen province to its wards, and a ward to itself", () => {
    const p = choosePlace(country, "19", undefined);
    expect(p.region?.code).toBe("19");
    expect(p.wards.map((x) => x.value)).toEqual(["x", "y"]);
    expect(p.filter).toEqual(["x", "y"]);
    expect(choosePlace(country, "19", "y").filter).toEqual(["y"]);
  });

  it("reads a ward alone (an old link) as in its province", () => {
    const c = choosePlace(country, undefined, "z");
    expect(c.region?.code).toBe("01");
    expect(c.ward?.value).toBe("z");
    expect(c.filter).toEqual(["z"]);
  });

  it("drops a ward outside the chosen province, and ignores unknown values", () => {
    expect(choosePlace(country, "19", "a").filter).toEqual(["x", "y"]);
    expect(choosePlace(country, "99", "nope").filter).toBeUndefined();
    expect(choosePlace(country, "99", "x").filter).toEqual(["x"]);
  });

  it("offers current wards only, yet a retired ward or province named in the URL still filters its records", () => {
    const old = { ...w("old", "06"), retired: true };
    const gone = { ...w("gone", "45"), retired: true };
    const map = [...country, old, gone];
    const offered = choosePlace(map, "06", undefined);
    expect(offered.wards.map((x) => x.value)).toEqual(["a", "b", "c"]);
    expect(offered.filter).toEqual(["a", "b", "c", "old"]);
    expect(offered.regions.map((r) => r.code)).toEqual(["01", "06", "19"]);
    const chosen = choosePlace(map, undefined, "old");
    expect(chosen.filter).toEqual(["old"]);
    expect(chosen.region?.code).toBe("06");
    expect(chosen.wards.map((x) => x.value)).toEqual(["a", "b", "c", "old"]);
    const province = choosePlace(map, "45", undefined);
    expect(province.filter).toEqual(["gone"]);
    expect(province.regions.map((r) => r.code)).toContain("45");
    // In a city's one province, a retired ward is still a filter.
    expect(choosePlace([...city, old], undefined, "old").filter).toEqual(["old"]);
  });
});
