// The report as CSV: one row per reported post, every field quoted the RFC 4180 way (quotes
// doubled, fields with commas, quotes or line breaks wrapped), so captions survive spreadsheets.
// Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
import type { ComplianceReport } from './reportModel.ts';

export const CSV_COLUMNS = [
  'creator', 'platform', 'post_id', 'permalink', 'posted_at', 'verdict', 'scan_verdict', 'rule', 'rule_says', 'rule_source',
  'commercial_evidence', 'disclosure_evidence', 'disclosure_present', 'disclosure_adequate', 'reviewer', 'review_reason',
  'content_sha256', 'snapshot_sha256', 'snapshot_captured_at', 'changed_from_sha256', 'caption', 'thumbnail_sha256',
] as const;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(report: ComplianceReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of report.creators) {
    for (const e of c.entries) {
      lines.push(
        [
          c.handle, e.platform, e.remoteId, e.permalink, e.postedAt, e.verdict, e.scanVerdict, e.rule.id, e.rule.says, e.rule.source,
          e.commercial.map((x) => `${x.kind}: ${x.text}`).join(' | '), e.disclosure.map((x) => `${x.kind}: ${x.text}`).join(' | '),
          e.disclosurePresent, e.disclosureAdequate, e.reviewer?.actor ?? null, e.reviewer?.reason ?? null,
          e.contentSha256, e.snapshotSha256, e.snapshotCapturedAt, e.changedFrom, e.caption, e.thumbnailSha256,
        ].map(csvCell).join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
