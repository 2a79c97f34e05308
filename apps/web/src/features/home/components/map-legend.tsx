import { useTranslation } from 'react-i18next';
import { SHADE_CLASSES, shadeOf } from './shades';

/** What the map's shades mean: one swatch per range of member counts, and the grey of countries outside the network. */
export function MapLegend({ ranges }: { ranges: [number, number][] }) {
  const { t } = useTranslation();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 px-1 text-sm text-slate-700">
      <span id="map-legend" className="font-medium">
        {t('home.network.legend')}:
      </span>
      <ul aria-labelledby="map-legend" className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {ranges.map(([from, to], index) => (
          <li key={from} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`inline-block size-4 rounded-sm border border-slate-400 ${SHADE_CLASSES[shadeOf(index, ranges.length)].swatch}`}
            />
            {from === to ? from : `${from}–${to}`}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-4 rounded-sm border border-slate-400 bg-slate-200"
          />
          {t('home.network.outside')}
        </li>
      </ul>
    </div>
  );
}
