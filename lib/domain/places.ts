// Choosing a ward in a filter. A city has a few dozen wards and one select lists them all; the
// country has about 3,500 (34 provinces after the 2025 reorganisation), and a select of 3,500
// options is unusable on a phone and weighs 200 kB in every page that shows it. So when the
// wards on offer span several provinces, the filter asks for the province first and then offers
// only that province's wards. The choice lives in the URL (`province`, and the ward parameter),
// so it works without JavaScript.

export type WardPlace = {
  /** What the filter's ward parameter carries (an id in the portal, a GSO code in public pages). */
  value: string;
  name: string;
  /** The province the ward belongs to (its top-level unit); null for a ward without one. */
  regionCode: string | null;
  regionName: string | null;
};

export type Region = { code: string; name: string };

export type PlaceChoice = {
  /** Provinces to choose from; empty when every ward on offer is in one province. */
  regions: Region[];
  /** Wards the ward select offers: all (one province), the chosen province's, or none. */
  wards: WardPlace[];
  region?: Region;
  ward?: WardPlace;
  /**
   * The wards a list is filtered to (values): the chosen ward, or every ward of the chosen
   * province; undefined when no place is chosen.
   */
  filter?: string[];
};

/**
 * What a filter offers and filters by, from the wards on offer and the URL's parameters. A ward
 * alone (an old link) implies its province; a ward outside the chosen province is dropped; an
 * unknown value is ignored, as every filter in the portal ignores what it does not know.
 */
export function choosePlace(all: readonly WardPlace[], regionParam: string | undefined, wardParam: string | undefined): PlaceChoice {
  const byRegion = new Map<string, Region>();
  for (const w of all) if (w.regionCode && !byRegion.has(w.regionCode)) byRegion.set(w.regionCode, { code: w.regionCode, name: w.regionName ?? w.regionCode });
  const single = byRegion.size <= 1;
  const regions = single ? [] : [...byRegion.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));

  let ward = wardParam ? all.find((w) => w.value === wardParam) : undefined;
  let region = single ? undefined : regionParam ? byRegion.get(regionParam) : undefined;
  if (ward && region && ward.regionCode !== region.code) ward = undefined;
  if (ward && !region && !single && ward.regionCode) region = byRegion.get(ward.regionCode);

  const wards = single ? [...all] : region ? all.filter((w) => w.regionCode === region.code) : [];
  const filter = ward ? [ward.value] : region ? wards.map((w) => w.value) : undefined;
  return { regions, wards, region, ward, filter };
}
