// The dashboard: compliance rate per creator, per brand, per platform and per week, computed by
// the backend on this machine (compliance.dashboard; a reviewer's verdict counts over the scan's),
// drawn as uPlot charts with tables carrying the same numbers for everyone, and the worst offenders.
import type { OutputOf } from '../../../api/endpoints.ts';
import { useCall } from '../../hooks/useCall.ts';
import { percent } from './complianceRates.ts';
import { RateChart } from './RateChart.tsx';

type Rate = OutputOf<'compliance.dashboard'>['byCreator'][number];

function RateTable({ caption, keyHeader, rates }: { caption: string; keyHeader: string; rates: readonly Rate[] }) {
  return (
    <table aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">Scanned</th>
          <th scope="col">Compliant</th>
          <th scope="col">Needs review</th>
          <th scope="col">Non-compliant</th>
          <th scope="col">Compliance rate</th>
        </tr>
      </thead>
      <tbody>
        {rates.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{r.scanned}</td>
            <td>{r.compliant}</td>
            <td>{r.needsReview}</td>
            <td>{r.nonCompliant}</td>
            <td>{percent(r.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Breakdown({ title, keyHeader, rates, kind = 'bars' }: { title: string; keyHeader: string; rates: readonly Rate[]; kind?: 'bars' | 'line' }) {
  if (rates.length === 0) return null;
  return (
    <div className="compliance-dashboard">
      <RateChart title={title} rates={rates} kind={kind} />
      <RateTable caption={title} keyHeader={keyHeader} rates={rates} />
    </div>
  );
}

export function ComplianceDashboard({ auditId, refresh }: { auditId: string; refresh: number }) {
  const dashboard = useCall('compliance.dashboard', { auditId }, refresh);
  const d = dashboard.value;
  return (
    <section aria-labelledby="compliance-dashboard">
      <h2 id="compliance-dashboard">Dashboard</h2>
      {dashboard.error ? <p role="alert" className="error">{dashboard.error.message}</p> : null}
      {!d ? null : d.totals.posts === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <>
          <p aria-label="Overall compliance rate">
            {d.totals.compliant} of {d.totals.scanned} scanned posts compliant ({percent(d.totals.rate)}); {d.totals.posts - d.totals.scanned} not scanned.
          </p>
          <Breakdown title="Compliance rate per creator" keyHeader="Creator" rates={d.byCreator} />
          <Breakdown title="Compliance rate per brand" keyHeader="Brand" rates={d.byBrand} />
          {d.byPlatform.length > 1 ? <Breakdown title="Compliance rate per platform" keyHeader="Platform" rates={d.byPlatform} /> : null}
          <Breakdown title="Compliance rate per week" keyHeader="Week of" rates={d.byWeek} kind="line" />
          <h3 id="compliance-worst">Worst offenders</h3>
          {d.worstOffenders.length === 0 ? (
            <p>No creator has a non-compliant post.</p>
          ) : (
            <ol aria-labelledby="compliance-worst">
              {d.worstOffenders.map((r) => (
                <li key={r.key}>
                  {r.key}: {r.nonCompliant} non-compliant of {r.scanned} scanned ({percent(r.rate)} compliant)
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
