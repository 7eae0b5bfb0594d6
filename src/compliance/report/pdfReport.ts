// The report as a self-contained PDF (pdfkit: plain Node, so it runs the same in the CLI, the
// server and Electron). pdfkit's built-in Helvetica covers Windows-1252 only, so characters beyond
// it (emoji in captions) are written as U+ codes rather than dropped: the hashes, which are what a
// reader verifies, are plain ASCII.
import PDFDocument from 'pdfkit';
import { VERDICT_LABELS, type ComplianceReport, type ReportEntry } from './reportModel.ts';

// Windows-1252 beyond Latin-1: what Helvetica in pdfkit can show besides U+0020–U+00FF.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\t' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) continue; // controls, variation selectors, joiners
    else out += `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return out;
}

export function renderPdf(report: ComplianceReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: pdfSafe(`Compliance report - ${report.audit.name}`), Author: pdfSafe(report.generatedBy), Creator: 'Stoa' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}): void => {
    doc.text(pdfSafe(value), options);
  };
  const t = report.totals;
  doc.font('Helvetica-Bold').fontSize(18);
  text(`Compliance report - ${report.audit.name}`);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  text(`Jurisdiction: ${report.audit.profileName} (profile ${report.audit.profileVersion})`);
  text(`Period: ${report.period.from ?? 'start'} to ${report.period.to ?? 'now'}. Generated ${report.generatedAt} by ${report.generatedBy}.`);
  text(`${t.posts} posts: ${t.nonCompliant} non-compliant, ${t.needsReview} need review, ${t.compliant} compliant, ${t.unscanned} not scanned; ${t.reviewed} reviewed by a person.`);
  const check = report.snapshotCheck;
  text(check.problems.length === 0 ? `Snapshots verified: ${check.checked}, all intact.` : `Snapshots verified: ${check.checked}; ${check.problems.length} PROBLEM(S): ${check.problems.join('; ')}`);
  for (const c of report.creators) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(14);
    text(`@${c.handle} (${c.platform}) - ${c.nonCompliant} non-compliant of ${c.posts} posts`);
    doc.font('Helvetica').fontSize(10);
    for (const r of c.remediations) text(`Remediation: ${r.what} (by ${r.dueBy}, ${r.status})`);
    for (const e of c.entries) entry(e, text, doc);
  }
  doc.end();
  return done;
}

function entry(e: ReportEntry, text: (value: string, options?: PDFKit.Mixins.TextOptions) => void, doc: PDFKit.PDFDocument): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11);
  text(`${VERDICT_LABELS[e.verdict]} - ${e.platform} post ${e.remoteId}`);
  doc.font('Helvetica').fontSize(9);
  text(`Posted ${e.postedAt ?? 'unknown'}${e.permalink ? ` - ${e.permalink}` : ''}; scanned ${e.scannedAt ?? 'never'}`);
  if (e.thumbnailJpeg) {
    // Drawn at the cursor; the cursor is then moved below it so the caption does not overlap.
    const top = doc.y;
    doc.image(e.thumbnailJpeg, doc.page.margins.left + 10, top, { fit: [96, 96] });
    doc.y = top + 100;
  }
  text(`Caption: ${e.caption.length > 600 ? `${e.caption.slice(0, 600)}...` : e.caption}`, { indent: 10 });
  text(`Rule ${e.rule.id}: ${e.rule.says}${e.rule.source ? ` (${e.rule.source})` : ''}`);
  if (e.commercial.length > 0) text(`Commercial evidence: ${e.commercial.map((x) => `${x.kind}: "${x.text}"`).join('; ')}`);
  if (e.disclosure.length > 0) text(`Disclosure found: ${e.disclosure.map((x) => `${x.kind}: "${x.text}"`).join('; ')}`);
  if (e.reviewer) text(`Reviewed by ${e.reviewer.actor} at ${e.reviewer.at}: ${VERDICT_LABELS[e.reviewer.verdict]} - ${e.reviewer.reason}`);
  doc.font('Courier').fontSize(8);
  text(`content sha256  ${e.contentSha256}`);
  text(`snapshot sha256 ${e.snapshotSha256 ?? 'none'}${e.snapshotCapturedAt ? ` (captured ${e.snapshotCapturedAt})` : ''}`);
  if (e.thumbnailSha256) text(`thumbnail sha256 ${e.thumbnailSha256}`);
  if (e.changedFrom) text(`changed from    ${e.changedFrom}`);
  doc.font('Helvetica').fontSize(10);
}
