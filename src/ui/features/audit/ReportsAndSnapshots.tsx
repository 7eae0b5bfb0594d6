// Reports (CSV, HTML, PDF from compliance.report, saved as downloads) and the snapshot check
// (compliance.snapshots.verify), which names each snapshot that no longer matches its hash.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { downloadBase64 } from './downloadFile.ts';
import { useAction } from './useAction.ts';

type Report = OutputOf<'compliance.report'>;
type SnapshotCheck = OutputOf<'compliance.snapshots.verify'>;
const MIME: Record<Report['format'], string> = { csv: 'text/csv', html: 'text/html', pdf: 'application/pdf' };

export function ReportsAndSnapshots({ auditId }: { auditId: string }) {
  const [saved, setSaved] = useState<Report | null>(null);
  const [check, setCheck] = useState<SnapshotCheck | null>(null);
  const report = useAction('compliance.report', (r: Report) => {
    downloadBase64(r.fileName, r.contentBase64, MIME[r.format]);
    setSaved(r);
  });
  const verify = useAction('compliance.snapshots.verify', setCheck);
  return (
    <section aria-labelledby="compliance-reports">
      <h2 id="compliance-reports">Reports and evidence</h2>
      <div role="group" aria-label="Export report" className="compliance-form">
        {(['csv', 'html', 'pdf'] as const).map((format) => (
          <button key={format} type="button" onClick={() => void report.run({ auditId, format })} disabled={report.busy}>
            Export {format.toUpperCase()}
          </button>
        ))}
      </div>
      {saved ? (
        <p role="status" aria-label="Report saved">
          Saved {saved.fileName}: {saved.posts} posts, {saved.nonCompliant} non-compliant{saved.snapshotProblems > 0 ? `, ${saved.snapshotProblems} snapshot problems` : ''}.
        </p>
      ) : null}
      {report.error ? <p role="alert" className="error">{report.error}</p> : null}
      <button type="button" onClick={() => void verify.run({ auditId })} disabled={verify.busy}>
        Verify snapshots
      </button>
      {check ? (
        <div role="region" aria-label="Snapshot check">
          <p role="status" className={check.problems.length === 0 ? 'ok' : 'error'}>
            {check.problems.length === 0 ? `Snapshots intact: ${check.checked} checked.` : `Snapshots tampered: ${check.problems.length} of ${check.checked} do not match their hash.`}
          </p>
          {check.problems.length > 0 ? (
            <ul aria-label="Snapshot problems">
              {check.problems.map((p) => (
                <li key={p.snapshotId}>
                  Snapshot {p.snapshotId} of post {p.postId}: {p.problem}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {verify.error ? <p role="alert" className="error">{verify.error}</p> : null}
    </section>
  );
}
