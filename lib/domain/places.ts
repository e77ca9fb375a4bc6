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
  /** Merged away by a reorganisation: never offered, but a link to it still filters its records. */
  retired?: boolean;
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

const regionsOf = (wards: readonly WardPlace[]) => {
  const byCode = new Map<string, Region>();
  for (const w of wards) if (w.regionCode && !byCode.has(w.regionCode)) byCode.set(w.regionCode, { code: w.regionCode, name: w.regionName ?? w.regionCode });
  return byCode;
};

/**
 * What a filter offers and filters by, from the wards known and the URL's parameters. Current
 * wards are offered; a retired one named in the URL (its records stay on it) is shown chosen and
 * filters. A ward alone (an old link) implies its province; a ward outside the chosen province is
 * dropped; an unknown value is ignored, as every filter in the portal ignores what it does not
 * know. A province filters every ward it ever held.
 */
export function choosePlace(all: readonly WardPlace[], regionParam: string | undefined, wardParam: string | undefined): PlaceChoice {
  const current = all.filter((w) => !w.retired);
  const offered = regionsOf(current);
  const known = regionsOf(all);
  const single = offered.size <= 1;

  let ward = wardParam ? all.find((w) => w.value === wardParam) : undefined;
  let region = single ? undefined : regionParam ? known.get(regionParam) : undefined;
  if (ward && region && ward.regionCode !== region.code) ward = undefined;
  if (ward && !region && !single && ward.regionCode) region = known.get(ward.regionCode);

  const regions = single ? [] : [...offered.values(), ...(region && !offered.has(region.code) ? [region] : [])].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const wards = [...(single ? current : region ? current.filter((w) => w.regionCode === region.code) : []), ...(ward?.retired ? [ward] : [])];
  const filter = ward ? [ward.value] : region ? all.filter((w) => w.regionCode === region.code).map((w) => w.value) : undefined;
  return { regions, wards, region, ward, filter };
}
