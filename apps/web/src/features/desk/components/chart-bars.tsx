import { scaleLinear } from 'd3-scale';
import { inkOf, paint, TextureDefs, type FillStyle } from './chart-fills';

export interface BarSeries {
  key: string;
  style: FillStyle;
}

export interface BarRow {
  key: string;
  label: string;
  /** The row's value per series key (missing: 0). */
  values: Record<string, number>;
}

/** Row layout: the label on its own line above the bar, so bars use the whole width even on a phone. */
const LABEL = 18;
const BAR = 22;
const ROW = LABEL + BAR + 12;
const AXIS = 22;
const LEFT = 6;
/** The width of one digit of the small labels, a little generous (tabular figures at 12 px). */
const DIGIT = 7.5;

const textWidth = (text: string) => text.length * DIGIT + 8;

/**
 * Horizontal bars, one row per category, stacked by series (one series: plain bars), drawn at `width` pixels. Each
 * bar ends with its total and each segment wide enough carries its own number, so the values are read off the chart,
 * not guessed from the grid; a light grid and axis below give the scale.
 */
export function BarChart({
  prefix,
  rows,
  series,
  width,
  format,
}: {
  /** The id prefix of the textures' patterns (`useSvgId`; a legend beside the chart uses the same). */
  prefix: string;
  rows: BarRow[];
  series: BarSeries[];
  width: number;
  format: (value: number) => string;
}) {
  const totals = rows.map((row) => series.reduce((sum, item) => sum + (row.values[item.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotRight = Math.max(LEFT + 40, width - textWidth(format(max)));
  const x = scaleLinear().domain([0, max]).range([LEFT, plotRight]).nice();
  const ticks = x
    .ticks(Math.max(2, Math.min(8, Math.floor((plotRight - LEFT) / 70))))
    .filter(Number.isInteger);
  const height = rows.length * ROW + AXIS;
  const plotBottom = rows.length * ROW;
  const fills = Object.fromEntries(series.map((item) => [item.key, item.style]));
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block">
      <TextureDefs prefix={prefix} fills={fills} />
      {ticks.map((tick) => (
        <g key={tick}>
          {/* The grid runs beside the bars only, never through the row labels above them. */}
          {rows.map((row, index) => (
            <line
              key={row.key}
              x1={x(tick)}
              x2={x(tick)}
              y1={index * ROW + LABEL - 3}
              y2={index * ROW + LABEL + BAR + 3}
              className={tick === 0 ? 'stroke-slate-500' : 'stroke-slate-200'}
            />
          ))}
          <text
            x={x(tick)}
            y={plotBottom + 15}
            textAnchor="middle"
            className="fill-slate-600 text-xs tabular-nums"
          >
            {format(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const top = index * ROW;
        const barTop = top + LABEL;
        let start = 0;
        return (
          <g key={row.key}>
            <text x={LEFT} y={top + 13} className="fill-slate-900 text-sm">
              {row.label}
            </text>
            {series.map((item) => {
              const value = row.values[item.key] ?? 0;
              if (value <= 0) {
                return null;
              }
              const from = x(start);
              const to = x(start + value);
              start += value;
              const painted = paint(prefix, item.key, item.style);
              const label = format(value);
              const labelled = series.length > 1 && to - from >= textWidth(label);
              return (
                <g key={item.key}>
                  <rect
                    x={from}
                    y={barTop}
                    width={to - from}
                    height={BAR}
                    fill={painted.fill}
                    className={`stroke-white ${painted.className ?? ''}`}
                    strokeWidth={1}
                  />
                  {labelled ? (
                    <text
                      x={(from + to) / 2}
                      y={barTop + BAR / 2 + 4}
                      textAnchor="middle"
                      strokeWidth={3}
                      className={`text-xs font-semibold tabular-nums ${inkOf(item.style)}`}
                    >
                      {label}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <text
              x={x(totals[index] ?? 0) + 4}
              y={barTop + BAR / 2 + 4}
              className="fill-slate-900 text-xs font-semibold tabular-nums"
            >
              {format(totals[index] ?? 0)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
