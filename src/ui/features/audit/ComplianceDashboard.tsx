// Compliance rate per creator and per platform, computed locally from the audit's posts (a
// reviewer's verdict counts over the scan's), as uPlot charts with accessible tables, and the
// worst offenders.
import { complianceRates, percent, worstOffenders, type ComplianceRate, type CompliancePost } from './complianceRates.ts';
import { RateChart } from './RateChart.tsx';

function RateTable({ caption, rates }: { caption: string; rates: readonly ComplianceRate[] }) {
  return (
    <table aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.includes('platform') ? 'Platform' : 'Creator'}</th>
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

export function ComplianceDashboard({ posts }: { posts: readonly CompliancePost[] }) {
  const byCreator = complianceRates(posts, (p) => p.handle);
  const byPlatform = complianceRates(posts, (p) => p.platform);
  const worst = worstOffenders(byCreator);
  return (
    <section aria-labelledby="compliance-dashboard">
      <h2 id="compliance-dashboard">Dashboard</h2>
      {posts.length === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <>
          <div className="compliance-dashboard">
            <RateChart title="Compliance rate per creator" rates={byCreator} />
            <RateTable caption="Compliance rate per creator" rates={byCreator} />
          </div>
          {byPlatform.length > 1 ? (
            <div className="compliance-dashboard">
              <RateChart title="Compliance rate per platform" rates={byPlatform} />
              <RateTable caption="Compliance rate per platform" rates={byPlatform} />
            </div>
          ) : null}
          <h3 id="compliance-worst">Worst offenders</h3>
          {worst.length === 0 ? (
            <p>No creator has a non-compliant post.</p>
          ) : (
            <ol aria-labelledby="compliance-worst">
              {worst.map((r) => (
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
