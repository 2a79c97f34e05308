import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useLinkClickHandler, useNavigate } from 'react-router';
import { rangeOf, viewBoxOf, type MapCountry, type WorldMap } from '../map/world-map';
import world from '../map/world-map.json';
import { directoryOf, type NetworkRow } from '../lib/network';
import { SHADE_CLASSES, shadeOf } from './shades';

const MAP = world as unknown as WorldMap;

/** Arrow keys move between the map's countries (west to east), Home and End to the first and last. */
const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** One network country: a link to the directory searching it (click, or Enter once focused), shaded by its count. */
function CountryLink({
  shape,
  row,
  shade,
  focusable,
  onMove,
  linkRef,
}: {
  shape: MapCountry;
  row: NetworkRow;
  shade: string;
  focusable: boolean;
  onMove: (event: KeyboardEvent) => void;
  linkRef: (element: HTMLAnchorElement | null) => void;
}) {
  const { t } = useTranslation();
  const to = directoryOf(row.code);
  const href = useHref(to);
  const follow = useLinkClickHandler<HTMLAnchorElement>(to);
  const navigate = useNavigate();
  const label = t('home.network.mapCountry', { country: row.name, count: row.count });
  return (
    <a
      href={href}
      aria-label={label}
      onClick={follow}
      // Enter follows an SVG link in some browsers only: here in all of them, once.
      ref={linkRef}
      tabIndex={focusable ? 0 : -1}
      onKeyDown={(event) => {
        onMove(event);
        if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
          event.preventDefault();
          void navigate(to);
        }
      }}
      className="group"
    >
      <title>{label}</title>
      <path
        d={shape.d}
        className={`${shade} stroke-white stroke-1 group-hover:stroke-slate-900 group-focus-visible:stroke-slate-900 group-focus-visible:stroke-[3px]`}
        vectorEffect="non-scaling-stroke"
      />
    </a>
  );
}

/**
 * The network's part of the world (precomputed paths, no tiles, nothing fetched): countries outside the network in
 * grey, network countries shaded by their vetted-member count, each a link to the directory. One stop in the tab order
 * (the arrow keys move between its countries); the table beside it has every country too.
 */
export function NetworkMap({ rows, ranges }: { rows: NetworkRow[]; ranges: [number, number][] }) {
  const { t } = useTranslation();
  const byCode = useMemo(() => new Map(rows.map((row) => [row.code, row])), [rows]);
  const viewBox = useMemo(() => viewBoxOf(MAP, new Set(byCode.keys())), [byCode]);
  const outside = MAP.countries.filter((shape) => !shape.code || !byCode.has(shape.code));
  const inside = MAP.countries
    .filter((shape) => shape.code && byCode.has(shape.code))
    .sort((a, b) => a.box[0] + a.box[2] - (b.box[0] + b.box[2]));
  const [active, setActive] = useState(0);
  const links = useRef<((Element & HTMLOrSVGElement) | null)[]>([]);
  const move = (index: number) => (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    if (step) {
      event.preventDefault();
      const next = step(index, inside.length);
      setActive(next);
      links.current[next]?.focus();
    }
  };
  return (
    <svg
      viewBox={viewBox}
      role="group"
      aria-label={t('home.network.mapLabel')}
      className="block h-auto w-full bg-sky-50"
    >
      <g aria-hidden="true" className="fill-slate-200 stroke-white">
        {outside.map((shape, index) => (
          <path key={shape.code ?? `shape-${index}`} d={shape.d} vectorEffect="non-scaling-stroke" />
        ))}
      </g>
      {inside.map((shape, index) => {
        const row = byCode.get(shape.code ?? '')!;
        const shade = SHADE_CLASSES[shadeOf(rangeOf(ranges, row.count), ranges.length)].fill;
        return (
          <CountryLink
            key={row.code}
            shape={shape}
            row={row}
            shade={shade}
            focusable={index === Math.min(active, inside.length - 1)}
            onMove={move(index)}
            linkRef={(element) => {
              links.current[index] = element;
            }}
          />
        );
      })}
    </svg>
  );
}
