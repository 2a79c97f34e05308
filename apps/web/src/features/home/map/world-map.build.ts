import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { format } from 'prettier';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import type { MapCountry, WorldMap } from './world-map';

/** The map's width in its own units; coordinates are whole units (about 10 km at the equator). */
export const MAP_WIDTH = 4000;

/**
 * Centred on 10.5° E, so the cut at the far side of the globe runs through the Bering Strait (between Chukotka and
 * Alaska) and Russia stays in one piece.
 */
const CENTRE_LONGITUDE = 10.5;

/** Antarctica (ISO 3166-1 numeric 010): no network there, and it would only stretch the world's height. */
const LEFT_OUT = new Set(['010']);

interface Ring {
  points: [number, number][];
}

/** Collects what d3's path generator draws, in whole map units. */
class RingRecorder {
  readonly rings: Ring[] = [];
  private current: Ring | undefined;

  moveTo(x: number, y: number) {
    this.current = { points: [[Math.round(x), Math.round(y)]] };
    this.rings.push(this.current);
  }

  lineTo(x: number, y: number) {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.current?.points.at(-1);
    if (last && (last[0] !== point[0] || last[1] !== point[1])) {
      this.current?.points.push(point);
    }
  }

  beginPath() {
    // Each ring starts with moveTo.
  }

  closePath() {
    this.current = undefined;
  }

  arc() {
    // Points only; countries are polygons.
  }
}

const area = ({ points }: Ring) =>
  Math.abs(
    points.reduce((sum, [x, y], index) => {
      const [nextX, nextY] = points[(index + 1) % points.length];
      return sum + x * nextY - nextX * y;
    }, 0) / 2,
  );

/** One ring as `M x y` and relative steps (`l dx dy`), closed: the shortest text for whole-unit coordinates. */
function ringPath({ points }: Ring): string {
  const [[startX, startY]] = points;
  let text = `M${startX} ${startY}l`;
  for (let index = 1; index < points.length; index += 1) {
    const dx = points[index][0] - points[index - 1][0];
    const dy = points[index][1] - points[index - 1][1];
    text += `${index > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
  }
  return `${text}z`;
}

/**
 * The world's countries (Natural Earth 1:110m through world-atlas), projected once (Natural Earth projection) into
 * SVG paths, each with its ISO 3166-1 alpha-2 code (null for the few without one) and the box of its largest piece
 * (France's box is France, not French Guiana), which the client zooms to. The output is committed
 * (world-map.json) and checked for drift by world-map.test.ts, so the browser gets finished paths and no geometry
 * code.
 */
export async function buildWorldMap(): Promise<string> {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1()
    .rotate([-CENTRE_LONGITUDE, 0])
    .fitWidth(MAP_WIDTH, { type: 'Sphere' });
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: 'Sphere' });
  const shapes = world.features
    .filter((country) => !LEFT_OUT.has(String(country.id)))
    .map((country) => {
      const recorder = new RingRecorder();
      geoPath(projection, recorder)(country);
      const rings = recorder.rings.filter((ring) => ring.points.length > 2);
      const largest = rings.reduce((best, ring) => (area(ring) > area(best) ? ring : best), rings[0]);
      const xs = largest.points.map(([x]) => x);
      const ys = largest.points.map(([, y]) => y);
      const shape: MapCountry = {
        code: countries.numericToAlpha2(String(country.id)) ?? null,
        d: rings.map(ringPath).join(''),
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      };
      return shape;
    })
    .filter((shape) => shape.d !== '')
    // Stable order by code, the code-less last by their paths: the output changes only when the data does.
    .sort(
      (a, b) =>
        Number(a.code === null) - Number(b.code === null) ||
        (a.code ?? '').localeCompare(b.code ?? '') ||
        a.d.localeCompare(b.d),
    );
  const map: WorldMap = { width: MAP_WIDTH, height: Math.ceil(bottom - top), countries: shapes };
  return format(JSON.stringify(map), { parser: 'json', printWidth: 110 });
}
