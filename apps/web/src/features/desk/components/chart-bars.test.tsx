import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './chart-bars';
import { ColumnChart } from './chart-columns';
import { STATUS_FILLS } from './chart-fills';

const format = (value: number) => String(value);

describe(BarChart.name, () => {
  it('should stack each row’s segments in proportion, textures by url, and write each bar’s total', () => {
    const { container } = render(
      <BarChart
        prefix="test"
        width={400}
        format={format}
        series={[
          { key: 'VETTED', style: STATUS_FILLS.VETTED },
          { key: 'PENDING', style: STATUS_FILLS.PENDING },
        ]}
        rows={[
          { key: 'KZ', label: 'Kazakhstan', values: { VETTED: 6, PENDING: 2 } },
          { key: 'UZ', label: 'Uzbekistan', values: { VETTED: 4 } },
        ]}
      />,
    );
    const bars = [...container.querySelectorAll('rect[height="22"]')];
    expect(bars).toHaveLength(3);
    const [vetted, pending, other] = bars.map((bar) => Number(bar.getAttribute('width')));
    expect(vetted / pending).toBeCloseTo(3);
    expect(other / vetted).toBeCloseTo(4 / 6);
    // Pending is textured (its pattern is defined), vetted solid.
    expect(bars[1].getAttribute('fill')).toBe('url(#test-PENDING)');
    expect(container.querySelector('pattern#test-PENDING')).not.toBeNull();
    expect(bars[0].getAttribute('fill')).toBeNull();
    const texts = [...container.querySelectorAll('text')].map((text) => text.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Kazakhstan', 'Uzbekistan', '8', '4', '6', '2']));
  });
});

describe(ColumnChart.name, () => {
  const months = ['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'];
  const columns = months.map((label, index) => ({
    key: String(index),
    label,
    sublabel: index === 0 ? '2026' : '2027',
    value: index === 2 ? 5 : 0,
  }));
  const labels = (container: HTMLElement) =>
    [...container.querySelectorAll('text')].map((text) => text.textContent);

  it('should name every month where there is room, and the year where it changes', () => {
    const { container } = render(<ColumnChart columns={columns} width={700} format={format} />);
    expect(labels(container)).toEqual(expect.arrayContaining([...months, '2026', '2027', '5']));
    expect(labels(container).filter((text) => text === '2027')).toHaveLength(1);
  });

  it('should name every second month when the columns are narrow', () => {
    const { container } = render(<ColumnChart columns={columns} width={320} format={format} />);
    const shown = labels(container).filter((text) => months.includes(text ?? ''));
    expect(shown).toEqual(['Dec', 'Feb', 'Apr', 'Jun', 'Aug', 'Oct']);
    expect(labels(container)).toEqual(expect.arrayContaining(['2026', '2027']));
  });
});
