import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorldMap } from './world-map.build';
import { countRanges, rangeOf, viewBoxOf, type WorldMap } from './world-map';
import map from './world-map.json';

const FILE = `${import.meta.dirname}/world-map.json`;

describe('the world map', () => {
  // UPDATE_WORLD_MAP=1 npm run -s web:test -- world-map  rewrites the file after a change of data or projection.
  it('should be what world-map.build.ts makes from the map data (no drift)', async () => {
    const built = await buildWorldMap();
    if (process.env.UPDATE_WORLD_MAP === '1') {
      writeFileSync(FILE, built);
    }
    expect(readFileSync(FILE, 'utf8')).toBe(built);
  }, 30_000);

  it('should have the network countries of the region, with ISO codes', () => {
    const codes = new Set((map as WorldMap).countries.map((country) => country.code));
    for (const code of ['UZ', 'KZ', 'KG', 'TJ', 'TM', 'AF', 'IR', 'PK', 'AZ', 'TR', 'RU', 'IT']) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('should zoom to the network with room around it, and show the world when none of it is on the map', () => {
    const world = map as WorldMap;
    expect(viewBoxOf(world, new Set())).toBe(`0 0 ${world.width} ${world.height}`);
    expect(viewBoxOf(world, new Set(['SG']))).toBe(`0 0 ${world.width} ${world.height}`);
    const [x, y, width, height] = viewBoxOf(world, new Set(['UZ', 'KZ']))
      .split(' ')
      .map(Number);
    const kazakhstan = world.countries.find((country) => country.code === 'KZ')!.box;
    expect(x).toBeLessThan(kazakhstan[0]);
    expect(y).toBeLessThan(kazakhstan[1]);
    expect(x + width).toBeGreaterThan(kazakhstan[2]);
    expect(y + height).toBeGreaterThan(kazakhstan[3]);
    expect(width).toBeGreaterThanOrEqual(height);
    expect(width).toBeLessThan(world.width / 2);
  });

  it('should shade each distinct count apart when there are few, else split the countries at quantiles', () => {
    expect(countRanges([])).toEqual([]);
    expect(countRanges([7, 5, 5, 2, 6, 5, 7])).toEqual([
      [1, 2],
      [3, 5],
      [6, 6],
      [7, 7],
    ]);
    const ranges = countRanges([1, 2, 3, 4, 5, 6, 7, 8, 40, 120]);
    expect(ranges).toEqual([
      [1, 3],
      [4, 5],
      [6, 8],
      [9, 120],
    ]);
    expect(rangeOf(ranges, 1)).toBe(0);
    expect(rangeOf(ranges, 6)).toBe(2);
    expect(rangeOf(ranges, 120)).toBe(3);
  });
});
