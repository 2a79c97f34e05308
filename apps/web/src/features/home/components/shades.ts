/** Light to dark, one per range of member counts: a fill for the map and a background for the legend's swatch. */
export const SHADE_CLASSES = [
  { fill: 'fill-blue-200', swatch: 'bg-blue-200' },
  { fill: 'fill-blue-400', swatch: 'bg-blue-400' },
  { fill: 'fill-blue-600', swatch: 'bg-blue-600' },
  { fill: 'fill-blue-800', swatch: 'bg-blue-800' },
] as const;

/** The shade of range `index` of `count` ranges, spread over the whole scale (two ranges: lightest and darkest). */
export function shadeOf(index: number, count: number): number {
  const last = SHADE_CLASSES.length - 1;
  return count <= 1 ? last - 1 : Math.round((index * last) / (count - 1));
}
