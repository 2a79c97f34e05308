import { useId } from 'react';

/**
 * How a series is painted. Colour alone never tells two series apart (WCAG 1.4.1): each status has its own texture
 * too (solid, diagonal lines, dots, cross-hatching, horizontal lines), the legend shows the same texture, and the
 * numbers are written on the bars.
 */
export interface FillStyle {
  /** The solid fill (a Tailwind `fill-*` class): the whole bar, or the ground under a texture. */
  ground: string;
  /** The texture drawn over the ground, if any, in `ink` (a `stroke-*` or `fill-*` class). */
  texture?: 'diagonal' | 'dots' | 'cross' | 'lines';
  ink?: string;
  /** The colour of a number written on the bar (white on dark, dark with a white halo on light). */
  text: 'light' | 'dark';
}

export const STATUS_FILLS = {
  VETTED: { ground: 'fill-green-700', text: 'light' },
  PENDING: { ground: 'fill-amber-200', texture: 'diagonal', ink: 'stroke-amber-800', text: 'dark' },
  SUSPENDED: { ground: 'fill-sky-200', texture: 'dots', ink: 'fill-sky-900', text: 'dark' },
  REVOKED: { ground: 'fill-red-100', texture: 'cross', ink: 'stroke-red-800', text: 'dark' },
  REJECTED: { ground: 'fill-slate-200', texture: 'lines', ink: 'stroke-slate-700', text: 'dark' },
} as const satisfies Record<string, FillStyle>;

/** One colour, no texture: a chart of a single series. */
export const SINGLE_FILL: FillStyle = { ground: 'fill-brand-700', text: 'light' };

/** An id usable inside `url(#…)` (React's ids carry characters a fragment reference should not). */
export function useSvgId(): string {
  return `chart${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

const SIZE = 8;

function Texture({ style }: { style: FillStyle }) {
  switch (style.texture) {
    case 'diagonal':
      return <path d={`M0,${SIZE} L${SIZE},0`} className={style.ink} strokeWidth={2} />;
    case 'dots':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.6} className={style.ink} />;
    case 'cross':
      return (
        <path d={`M0,0 L${SIZE},${SIZE} M${SIZE},0 L0,${SIZE}`} className={style.ink} strokeWidth={1.2} />
      );
    case 'lines':
      return <path d={`M0,${SIZE / 2} L${SIZE},${SIZE / 2}`} className={style.ink} strokeWidth={1.5} />;
    case undefined:
      return null;
  }
}

/** The textures of `fills`, each as a `<pattern>` with the id `${prefix}-${key}` (see `Paint`). */
export function TextureDefs({ prefix, fills }: { prefix: string; fills: Record<string, FillStyle> }) {
  return (
    <defs>
      {Object.entries(fills)
        .filter(([, style]) => style.texture)
        .map(([key, style]) => (
          <pattern key={key} id={`${prefix}-${key}`} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
            <rect width={SIZE} height={SIZE} className={style.ground} />
            <Texture style={style} />
          </pattern>
        ))}
    </defs>
  );
}

/** The attributes that paint a shape with a series' fill (its texture's pattern, or the solid class). */
export function paint(prefix: string, key: string, style: FillStyle): { fill?: string; className?: string } {
  return style.texture ? { fill: `url(#${prefix}-${key})` } : { className: style.ground };
}

/** The classes of a number written on a bar of this fill (a halo keeps dark digits readable over a texture). */
export const inkOf = (style: FillStyle) =>
  style.text === 'light'
    ? 'fill-white'
    : 'fill-slate-950 stroke-white [paint-order:stroke] [stroke-linejoin:round]';

/** What each texture means: a swatch of it beside the series' name (inside the chart's hidden-from-readers part). */
export function Legend({
  title,
  prefix,
  items,
}: {
  title: string;
  prefix: string;
  items: { key: string; label: string; style: FillStyle }[];
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-800">
      <span className="font-medium">{title}:</span>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {items.map((item) => {
          const painted = paint(prefix, item.key, item.style);
          return (
            <li key={item.key} className="flex items-center gap-1.5">
              <svg width={16} height={16} className="shrink-0">
                <rect
                  x={0.5}
                  y={0.5}
                  width={15}
                  height={15}
                  rx={2}
                  fill={painted.fill}
                  className={`stroke-slate-500 ${painted.className ?? ''}`}
                />
              </svg>
              {item.label}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
