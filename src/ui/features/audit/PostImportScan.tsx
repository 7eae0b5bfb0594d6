// Brings posts into the audit from an export file (JSON or CSV, the shape in
// src/compliance/postImport.ts) and scans them. compliance.posts.import takes the file's text, not
// bytes, so the file is read as text here (the browser-mode server caps a body at 1 MB).
import { useState, type ChangeEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useAction } from './useAction.ts';

type ImportReport = OutputOf<'compliance.posts.import'>;
type ScanReport = OutputOf<'compliance.scan'>;

const formatOf = (name: string): 'json' | 'csv' => (name.toLowerCase().endsWith('.json') ? 'json' : 'csv');

export function PostImportScan({ auditId, onChanged }: { auditId: string; onChanged: () => void }) {
  const [imported, setImported] = useState<{ file: string; report: ImportReport } | null>(null);
  const [scanned, setScanned] = useState<ScanReport | null>(null);
  const importPosts = useAction('compliance.posts.import', onChanged);
  const scan = useAction('compliance.scan', (report: ScanReport) => {
    setScanned(report);
    onChanged();
  });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const report = await importPosts.run({ auditId, format: formatOf(file.name), text: await file.text() });
    if (report) setImported({ file: file.name, report });
  };

  return (
    <section aria-labelledby="compliance-import">
      <h2 id="compliance-import">Posts</h2>
      <label>
        Import posts (JSON or CSV){' '}
        <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void pick(e)} disabled={importPosts.busy} />
      </label>
      {imported ? (
        <div role="region" aria-label="Post import report">
          <p role="status">
            {imported.file}: {imported.report.read} read, {imported.report.newPosts} new, {imported.report.newVersions} changed, {imported.report.unchanged} unchanged
          </p>
          {imported.report.problems.length + imported.report.skipped.length > 0 ? (
            <ul aria-label="Rows not imported">
              {imported.report.problems.map((p) => (
                <li key={`row-${p.row}`}>Row {p.row}: {p.message}</li>
              ))}
              {imported.report.skipped.map((s) => (
                <li key={`skip-${s.remoteId}`}>Post {s.remoteId}: {s.reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button type="button" onClick={() => void scan.run({ auditId })} disabled={scan.busy}>
        {scan.busy ? 'Scanning…' : 'Scan'}
      </button>
      {scanned ? (
        <p role="status" aria-label="Scan result">
          Scanned {scanned.scanned} posts under {scanned.jurisdiction}: {scanned.byVerdict.compliant} compliant, {scanned.byVerdict.needs_review} need review,{' '}
          {scanned.byVerdict.non_compliant} non-compliant{scanned.changed.length > 0 ? `; ${scanned.changed.length} changed since the last scan` : ''}.
        </p>
      ) : null}
      {importPosts.error ? <p role="alert" className="error">{importPosts.error}</p> : null}
      {scan.error ? <p role="alert" className="error">{scan.error}</p> : null}
    </section>
  );
}
