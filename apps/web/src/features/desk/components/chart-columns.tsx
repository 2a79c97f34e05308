import { scaleBand, scaleLinear } from 'd3-scale';

export interface Column {
  key: string;
  /** Under the column (a short month name). */
  label: string;
  /** A second line (the year): written under the first named column and wherever it changes. */
  sublabel?: string;
  value: number;
}

const TOP = 20;
const BOTTOM = 36;
const HEIGHT = 220;
const DIGIT = 7.5;
/** The room a month's short name needs under its column ("Sept", "сент."). */
const LABEL_ROOM = 34;

/**
 * Vertical columns over time (the months ahead), drawn at `width` pixels: a value axis with a light grid on the left,
 * the number above each column that has one, and the month under it; where the columns are too narrow for every
 * month's name, every second (or third) one is named.
 */
export function ColumnChart({
  columns,
  width,
  format,
}: {
  columns: Column[];
  width: number;
  format: (value: number) => string;
}) {
  const max = Math.max(1, ...columns.map((column) => column.value));
  const y = scaleLinear()
    .domain([0, max])
    .range([HEIGHT - BOTTOM, TOP])
    .nice();
  const ticks = y.ticks(4).filter(Number.isInteger);
  const left = Math.max(...ticks.map((tick) => format(tick).length)) * DIGIT + 10;
  const x = scaleBand<string>()
    .domain(columns.map((column) => column.key))
    .range([left, width - 2])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const band = x.bandwidth();
  const step = Math.max(1, Math.ceil(LABEL_ROOM / x.step()));
  const base = y(0);
  // The year under the first named column and wherever it changes among the named ones.
  const sublabels: (string | undefined)[] = [];
  let lastSublabel: string | undefined;
  columns.forEach((column, index) => {
    const named = index % step === 0;
    sublabels.push(named && column.sublabel !== lastSublabel ? column.sublabel : undefined);
    if (named) {
      lastSublabel = column.sublabel;
    }
  });
  return (
    <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} className="block">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left - 4} x2={width - 2} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-600 text-xs tabular-nums">
            {format(tick)}
          </text>
        </g>
      ))}
      {columns.map((column, index) => {
        const from = x(column.key) ?? 0;
        const top = y(column.value);
        const centre = from + band / 2;
        const named = index % step === 0;
        const sublabel = sublabels[index];
        return (
          <g key={column.key}>
            {column.value > 0 ? (
              <>
                <rect x={from} y={top} width={band} height={base - top} className="fill-brand-700" />
                {band >= format(column.value).length * DIGIT - 2 ? (
                  <text
                    x={centre}
                    y={top - 5}
                    textAnchor="middle"
                    className="fill-slate-900 text-xs font-semibold tabular-nums"
                  >
                    {format(column.value)}
                  </text>
                ) : null}
              </>
            ) : null}
            {named ? (
              <text x={centre} y={base + 15} textAnchor="middle" className="fill-slate-800 text-xs">
                {column.label}
              </text>
            ) : null}
            {sublabel ? (
              <text x={centre} y={base + 30} textAnchor="middle" className="fill-slate-600 text-xs">
                {sublabel}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={left - 4} x2={width - 2} y1={base} y2={base} className="stroke-slate-500" />
    </svg>
  );
}
