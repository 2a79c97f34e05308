import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';

/** A source module's part of the sign-in chunks: its minified bytes, and those bytes gzipped on their own (level 9). */
export interface ModuleShare {
  module: string;
  chunk: string;
  bytes: number;
  gzip: number;
}

export interface Attribution {
  modules: ModuleShare[];
  /** Per npm package (or apps/web/src, libs/…), summed over its modules. */
  packages: { name: string; bytes: number; gzip: number; modules: number }[];
  /** Bytes of the chunks (what the page loaded) and the whole chunks gzipped (level 9). */
  chunkBytes: number;
  chunkGzip: number;
  /** Bytes of the chunks that could be attributed (the rebuild matched), and the bytes given to modules in them. */
  coveredBytes: number;
  attributedBytes: number;
  warnings: string[];
}

const NO_SOURCE = '(no source: bundler runtime and glue)';

/** `node_modules/@scope/name/…` → `@scope/name`; app and lib code by folder (`apps/web/src`, `libs/common`). */
export function packageOf(module: string): string {
  const at = module.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = module.slice(at + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = module.split('/');
  return parts[0] === 'apps' ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

/** Character offset of the start of every line (source map positions are line + UTF-16 column). */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** Splits one minified JavaScript chunk into the slices each source module produced, by its source map. */
async function sliceChunk(
  code: string,
  map: RawSourceMap,
  mapDir: string,
  root: string,
): Promise<Map<string, string[]>> {
  const starts = lineStarts(code);
  const points: { at: number; module: string }[] = [];
  const consumer = await new SourceMapConsumer(map);
  try {
    consumer.eachMapping(
      (mapping) => {
        const start = starts[mapping.generatedLine - 1];
        if (start === undefined) {
          return;
        }
        const module = mapping.source
          ? relative(root, resolve(mapDir, mapping.source)).split(sep).join('/')
          : NO_SOURCE;
        points.push({ at: start + mapping.generatedColumn, module });
      },
      null,
      SourceMapConsumer.GENERATED_ORDER,
    );
  } finally {
    consumer.destroy();
  }
  points.sort((a, b) => a.at - b.at);
  const slices = new Map<string, string[]>();
  const add = (module: string, from: number, to: number) => {
    if (to > from) {
      const parts = slices.get(module) ?? [];
      parts.push(code.slice(from, to));
      slices.set(module, parts);
    }
  };
  // Each mapping owns the code from its position to the next mapping's; what precedes the first has no source.
  add(NO_SOURCE, 0, points[0]?.at ?? code.length);
  points.forEach((point, i) => add(point.module, point.at, points[i + 1]?.at ?? code.length));
  return slices;
}

/**
 * Attributes the bytes of the chunks the sign-in page loaded (file names under /assets, as the browser saw them) to
 * source modules, from a build of the same sources with hidden source maps in `mapsDir`. `servedDir` holds the files
 * the server sent (dist/web/assets): a chunk is attributed only if the rebuild produced the same bytes, else it is
 * reported as a warning. Style sheets have no source map (Tailwind's output): each counts as one entry.
 */
export async function attributeModules(options: {
  chunks: string[];
  servedDir: string;
  mapsDir: string;
  root: string;
}): Promise<Attribution> {
  const modules: ModuleShare[] = [];
  const warnings: string[] = [];
  let chunkBytes = 0;
  let chunkGzip = 0;
  let coveredBytes = 0;
  for (const chunk of options.chunks) {
    const served = readFileSync(join(options.servedDir, chunk));
    chunkBytes += served.length;
    chunkGzip += gzipSync(served, { level: 9 }).length;
    const rebuilt = join(options.mapsDir, chunk);
    if (!existsSync(rebuilt) || !readFileSync(rebuilt).equals(served)) {
      warnings.push(
        `${chunk}: the source-map build differs from the served file (sources changed meanwhile?)`,
      );
      continue;
    }
    coveredBytes += served.length;
    const mapFile = `${rebuilt}.map`;
    if (!existsSync(mapFile)) {
      modules.push({
        module: chunk.endsWith('.css') ? `${chunk} (style sheet, no source map)` : `${chunk} (no source map)`,
        chunk,
        bytes: served.length,
        gzip: gzipSync(served, { level: 9 }).length,
      });
      continue;
    }
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap;
    const slices = await sliceChunk(served.toString('utf8'), map, dirname(mapFile), options.root);
    for (const [module, parts] of slices) {
      const text = Buffer.from(parts.join(''), 'utf8');
      modules.push({ module, chunk, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length });
    }
  }
  const packages = new Map<string, { name: string; bytes: number; gzip: number; modules: number }>();
  for (const share of modules) {
    const name =
      share.module.startsWith('(') || !share.module.includes('/') ? share.module : packageOf(share.module);
    const entry = packages.get(name) ?? { name, bytes: 0, gzip: 0, modules: 0 };
    entry.bytes += share.bytes;
    entry.gzip += share.gzip;
    entry.modules += 1;
    packages.set(name, entry);
  }
  return {
    modules: modules.sort((a, b) => b.gzip - a.gzip),
    packages: [...packages.values()].sort((a, b) => b.gzip - a.gzip),
    chunkBytes,
    chunkGzip,
    coveredBytes,
    attributedBytes: modules.reduce((sum, share) => sum + share.bytes, 0),
    warnings,
  };
}
