/**
 * Light to dark, one per range of member counts: a fill for the map and a background for the legend's swatch. The
 * lightest is well apart from the grey of the countries outside the network (a blue-200 country with two members
 * all but vanished beside them), and each step from the next.
 */
export const SHADE_CLASSES = [
  { fill: 'fill-blue-300', swatch: 'bg-blue-300' },
  { fill: 'fill-blue-500', swatch: 'bg-blue-500' },
  { fill: 'fill-blue-700', swatch: 'bg-blue-700' },
  { fill: 'fill-blue-900', swatch: 'bg-blue-900' },
] as const;

/** The shade of range `index` of `count` ranges, spread over the whole scale (two ranges: lightest and darkest). */
export function shadeOf(index: number, count: number): number {
  const last = SHADE_CLASSES.length - 1;
  return count <= 1 ? last - 1 : Math.round((index * last) / (count - 1));
}
