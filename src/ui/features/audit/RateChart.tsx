// A bar chart of compliance rates (one bar per creator or platform) drawn with uPlot. It is a
// picture for sighted users; the table beside it carries the same numbers for everyone, so the
// canvas is hidden from assistive technology and named by the figure's caption.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ComplianceRate } from './complianceRates.ts';

export function RateChart({ title, rates }: { title: string; rates: readonly ComplianceRate[] }) {
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || rates.length === 0) return undefined;
    const xs = rates.map((_, i) => i);
    const ys = rates.map((r) => (r.rate === null ? null : Math.round(r.rate * 100)));
    const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
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
        series: [{}, { label: 'Compliant', fill: '#7bb57b', stroke: '#3c7a3c', paths: bars, points: { show: false } }],
      },
      [xs, ys],
      el,
    );
    return () => chart.destroy();
  }, [rates]);
  return (
    <figure className="compliance-chart">
      <div ref={host} aria-hidden="true" />
      <figcaption>{title}</figcaption>
    </figure>
  );
}
