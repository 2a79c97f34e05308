import type { ReactNode } from 'react';

export interface ChartTableRow {
  key: string;
  /** The row's header cell (a country, a month): `<th scope="row">`. */
  header: ReactNode;
  /** The numbers, one per column after the first, already formatted for the locale. */
  cells: ReactNode[];
}

/**
 * The numbers behind a chart as a real table: a caption, column headers (`scope="col"`), a row header per row
 * (`scope="row"`) and, if given, a totals row in the footer. Numbers are right-aligned in tabular figures.
 */
export function ChartTable({
  captionId,
  caption,
  columns,
  rows,
  totals,
}: {
  captionId: string;
  caption: string;
  /** The header of the row-header column first, then one per number column. */
  columns: string[];
  rows: ChartTableRow[];
  totals?: ChartTableRow;
}) {
  const [rowColumn, ...numberColumns] = columns;
  const cellClass = 'px-3 py-1.5 text-right tabular-nums';
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption id={captionId} className="pb-1 text-left font-semibold text-slate-900">
        {caption}
      </caption>
      <thead>
        <tr className="border-b border-slate-300 text-slate-700">
          <th scope="col" className="px-3 py-1.5 font-medium">
            {rowColumn}
          </th>
          {numberColumns.map((column) => (
            <th key={column} scope="col" className="px-3 py-1.5 text-right font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200">
            <th scope="row" className="px-3 py-1.5 font-normal">
              {row.header}
            </th>
            {row.cells.map((cell, index) => (
              <td key={numberColumns[index] ?? index} className={cellClass}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {totals ? (
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="px-3 py-1.5">
              {totals.header}
            </th>
            {totals.cells.map((cell, index) => (
              <td key={numberColumns[index] ?? index} className={cellClass}>
                {cell}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
