// Brings posts into the audit from an export file (JSON or CSV, the shape in
// src/compliance/postImport.ts) and scans them. An export over one part is staged in parts (the
// browser-mode server caps a body at 1 MB). With "Read text on images", the export's image_files
// are read by on-device OCR from a folder on this machine (the backend reads them, not the page).
import { useState, type ChangeEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { importPostExport } from './postUpload.ts';
import { useAction } from './useAction.ts';

type ImportReport = OutputOf<'compliance.posts.import'>;
type ScanReport = OutputOf<'compliance.scan'>;

const formatOf = (name: string): 'json' | 'csv' => (name.toLowerCase().endsWith('.json') ? 'json' : 'csv');

export function PostImportScan({ auditId, onChanged }: { auditId: string; onChanged: () => void }) {
  const client = useClient();
  const [imported, setImported] = useState<{ file: string; report: ImportReport } | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [ocr, setOcr] = useState(false);
  const [imagesDir, setImagesDir] = useState('');
  const [scanned, setScanned] = useState<ScanReport | null>(null);
  const scan = useAction('compliance.scan', (report: ScanReport) => {
    setScanned(report);
    onChanged();
  });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportError(null);
    setImporting(`Reading ${file.name}…`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const options = { auditId, format: formatOf(file.name), ocr, ...(ocr && imagesDir.trim() !== '' ? { baseDir: imagesDir.trim() } : {}) };
    const reply = await importPostExport(client, bytes, options, (sent, total) => setImporting(`Uploading ${file.name}: ${Math.round((sent / total) * 100)} %`));
    setImporting(null);
    if (!reply.ok) {
      setImportError(reply.error.message);
      return;
    }
    setImported({ file: file.name, report: reply.value });
    onChanged();
  };

  return (
    <section aria-labelledby="compliance-import">
      <h2 id="compliance-import">Posts</h2>
      <div className="compliance-form">
        <label>
          Import posts (JSON or CSV){' '}
          <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void pick(e)} disabled={importing !== null} />
        </label>
        <label>
          <input type="checkbox" checked={ocr} onChange={(e) => setOcr(e.target.checked)} /> Read text on images (OCR, on this machine)
        </label>
        {ocr ? (
          <label>
            Folder with the export’s image files{' '}
            <input value={imagesDir} placeholder="/path/to/export" onChange={(e) => setImagesDir(e.target.value)} />
          </label>
        ) : null}
      </div>
      {importing ? <p role="status" aria-label="Import progress">{importing}</p> : null}
      {imported ? (
        <div role="region" aria-label="Post import report">
          <p role="status">
            {imported.file}: {imported.report.read} read, {imported.report.newPosts} new, {imported.report.newVersions} changed, {imported.report.unchanged} unchanged
            {imported.report.imagesRead > 0 ? `; ${imported.report.imagesRead} images read by OCR` : ''}
          </p>
          {imported.report.problems.length + imported.report.skipped.length > 0 ? (
            <ul aria-label="Rows not imported">
              {imported.report.problems.map((p) => (
                <li key={`row-${p.row}-${p.message}`}>Row {p.row}: {p.message}</li>
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
      {importError ? <p role="alert" className="error">{importError}</p> : null}
      {scan.error ? <p role="alert" className="error">{scan.error}</p> : null}
    </section>
  );
}
