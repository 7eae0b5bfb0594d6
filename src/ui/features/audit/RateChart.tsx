// A chart of compliance rates drawn with uPlot: bars (one per creator, brand or platform) or a line
// over time (one point per week). It is a
// picture for sighted users; the table beside it carries the same numbers for everyone, so the
// canvas is hidden from assistive technology and named by the figure's caption.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** What a bar or point needs: its label and its rate (compliant / scanned, null when none scanned). */
export interface ChartRate {
  readonly key: string;
  readonly rate: number | null;
}

export function RateChart({ title, rates, kind = 'bars' }: { title: string; rates: readonly ChartRate[]; kind?: 'bars' | 'line' }) {
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || rates.length === 0) return undefined;
    const xs = rates.map((_, i) => i);
    const ys = rates.map((r) => (r.rate === null ? null : Math.round(r.rate * 100)));
    const paths = kind === 'bars' ? uPlot.paths.bars?.({ size: [0.6, 60] }) : uPlot.paths.linear?.();
    const chart = new uPlot(
      {
        width: Math.max(240, Math.min(640, 80 * rates.length + 80)),
        height: 200,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, rates.length - 0.5] }, y: { range: [0, 100] } },
        axes: [
          { values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (rates[s]?.key ?? '') : '')), incrs: [1], grid: { show: false } },
          { values: (_u, splits) => splits.map((s) => `${s} %`) },
        ],
        series: [{}, kind === 'bars' ? { label: 'Compliant', fill: '#7bb57b', stroke: '#3c7a3c', paths, points: { show: false } } : { label: 'Compliant', stroke: '#3c7a3c', width: 2, paths, spanGaps: true, points: { show: true, size: 6 } }],
      },
      [xs, ys],
      el,
    );
    return () => chart.destroy();
  }, [rates, kind]);
  return (
    <figure className="compliance-chart">
      <div ref={host} aria-hidden="true" />
      <figcaption>{title}</figcaption>
    </figure>
  );
}
