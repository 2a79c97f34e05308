/** The precomputed world map (world-map.json, made by world-map.build.ts): SVG paths in the map's own units. */
export interface WorldMap {
  width: number;
  height: number;
  countries: MapCountry[];
}

export interface MapCountry {
  /** ISO 3166-1 alpha-2; null for the few shapes without one (Kosovo, Northern Cyprus, Somaliland). */
  code: string | null;
  d: string;
  /** [left, top, right, bottom] of the country's largest piece. */
  box: [number, number, number, number];
}

/** At least this share of the world's width is shown, so one small country still has neighbours around it. */
const MIN_WIDTH_SHARE = 0.16;
/** Room around the network, as a share of its size. */
const MARGIN = 0.12;
/** The view is never taller than wide, nor more than 2.2 times wider than tall (a band no one can read). */
const MAX_WIDE = 2.2;

/**
 * The part of the world to show: the boxes of the network's countries with a margin, widened to a readable shape and
 * kept inside the map; the whole world when none of them is on it. `x y width height`, for an SVG viewBox.
 */
export function viewBoxOf(map: WorldMap, codes: ReadonlySet<string>): string {
  const boxes = map.countries.filter((country) => country.code && codes.has(country.code)).map((c) => c.box);
  if (boxes.length === 0) {
    return `0 0 ${map.width} ${map.height}`;
  }
  let left = Math.min(...boxes.map((box) => box[0]));
  let top = Math.min(...boxes.map((box) => box[1]));
  let right = Math.max(...boxes.map((box) => box[2]));
  let bottom = Math.max(...boxes.map((box) => box[3]));
  const grow = (low: number, high: number, size: number, limit: number): [number, number] => {
    const extra = Math.max(0, size - (high - low)) / 2;
    let start = low - extra;
    let end = high + extra;
    if (start < 0) {
      [start, end] = [0, end - start];
    }
    if (end > limit) {
      [start, end] = [Math.max(0, start - (end - limit)), limit];
    }
    return [start, end];
  };
  const width = Math.max((right - left) * (1 + 2 * MARGIN), map.width * MIN_WIDTH_SHARE);
  [left, right] = grow(left, right, width, map.width);
  const height = Math.max((bottom - top) * (1 + 2 * MARGIN), (right - left) / MAX_WIDE);
  [top, bottom] = grow(top, bottom, height, map.height);
  // Not taller than wide: widen instead.
  [left, right] = grow(left, right, bottom - top, map.width);
  return [left, top, right - left, bottom - top].map(Math.round).join(' ');
}

/** The shading classes: 1 for the fewest members up to SHADES for the most. */
export const SHADES = 4;

/**
 * Up to SHADES ranges of member counts, [from, to] each, from 1 up to the largest count: one per distinct count when
 * there are that few, else split at quantiles (about as many countries in each shade), so that a network where most
 * countries have similar counts still shows its differences.
 */
export function countRanges(counts: number[]): [number, number][] {
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const uppers =
    distinct.length <= SHADES
      ? distinct
      : [
          ...new Set(
            Array.from(
              { length: SHADES },
              (_, index) => sorted[Math.ceil(((index + 1) * sorted.length) / SHADES) - 1],
            ),
          ),
        ];
  return uppers.map((upper, index) => [index === 0 ? 1 : uppers[index - 1] + 1, upper]);
}

/** The index of the range a count falls in. */
export function rangeOf(ranges: [number, number][], count: number): number {
  return Math.max(
    0,
    ranges.findIndex(([from, to]) => count >= from && count <= to),
  );
}
