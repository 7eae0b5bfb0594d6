// The report as one self-contained HTML file: inline styles, no scripts, no external fetches (the
// CSP meta forbids them), every piece of platform text escaped.
import { VERDICT_LABELS, type ComplianceReport, type ReportEntry } from './reportModel.ts';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const e = (value: string | null | undefined): string => escapeHtml(value ?? '—');

function entry(x: ReportEntry): string {
  const evidence = (title: string, list: readonly { kind: string; text: string }[]): string =>
    list.length === 0 ? '' : `<p><b>${title}:</b> ${list.map((v) => `<span class="ev">${e(v.kind)}: “${e(v.text)}”</span>`).join(' ')}</p>`;
  return `<article class="post ${x.verdict}">
  <h3>${e(VERDICT_LABELS[x.verdict])} — ${e(x.platform)} post ${e(x.remoteId)}</h3>
  <p class="meta">Posted ${e(x.postedAt)} · ${x.permalink ? `<a href="${e(x.permalink)}">${e(x.permalink)}</a>` : 'no permalink'} · scanned ${e(x.scannedAt)}</p>
  ${x.thumbnailJpeg ? `<img class="thumb" alt="Media thumbnail of post ${e(x.remoteId)} as captured" src="data:image/jpeg;base64,${x.thumbnailJpeg.toString('base64')}">` : ''}
  <blockquote>${e(x.caption)}</blockquote>
  <p><b>Rule:</b> <code>${e(x.rule.id)}</code> — ${e(x.rule.says)}${x.rule.source ? ` <i>(${e(x.rule.source)})</i>` : ''}</p>
  ${evidence('Commercial evidence', x.commercial)}
  ${evidence('Disclosure found', x.disclosure)}
  ${x.reviewer ? `<p><b>Reviewed</b> by ${e(x.reviewer.actor)} at ${e(x.reviewer.at)}: ${e(VERDICT_LABELS[x.reviewer.verdict])} — ${e(x.reviewer.reason)}</p>` : ''}
  <p class="hash">Content SHA-256 <code>${e(x.contentSha256)}</code><br>Snapshot SHA-256 <code>${e(x.snapshotSha256)}</code> captured ${e(x.snapshotCapturedAt)}${x.thumbnailSha256 ? `<br>Thumbnail SHA-256 <code>${e(x.thumbnailSha256)}</code>` : ''}${x.changedFrom ? `<br>Changed since an earlier scan; previous content SHA-256 <code>${e(x.changedFrom)}</code>` : ''}</p>
</article>`;
}

export function renderHtml(report: ComplianceReport): string {
  const t = report.totals;
  const check = report.snapshotCheck;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(`Compliance report — ${report.audit.name}`)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d232b}h1{font-size:1.5rem}
.post{border:1px solid #ccd;border-left:6px solid #999;padding:.5rem 1rem;margin:1rem 0}.non_compliant{border-left-color:#b3261e}
.needs_review{border-left-color:#c77700}.compliant{border-left-color:#2e7d32}blockquote{white-space:pre-wrap;background:#f6f7f9;margin:.5rem 0;padding:.5rem}
.ev{display:inline-block;background:#eef;border-radius:3px;padding:0 .3rem;margin:.1rem}.hash code,.meta{font-size:12px;word-break:break-all}.bad{color:#b3261e}</style>
</head><body>
<h1>Compliance report — ${e(report.audit.name)}</h1>
<p>Jurisdiction: ${e(report.audit.profileName)} (profile ${e(report.audit.profileVersion)}) · Period ${e(report.period.from)} to ${e(report.period.to)} · Generated ${e(report.generatedAt)} by ${e(report.generatedBy)}</p>
<p>${t.posts} posts: ${t.nonCompliant} non-compliant, ${t.needsReview} need review, ${t.compliant} compliant, ${t.unscanned} not scanned; ${t.reviewed} reviewed by a person.</p>
<p class="${check.problems.length > 0 ? 'bad' : ''}">Snapshots verified: ${check.checked}${check.problems.length > 0 ? ` — ${check.problems.length} problem(s): ${check.problems.map(e).join('; ')}` : ', all intact'}.</p>
${report.creators
  .map(
    (c) => `<section><h2>@${e(c.handle)} (${e(c.platform)}) — ${c.nonCompliant} non-compliant of ${c.posts}</h2>
${c.remediations.length > 0 ? `<p><b>Remediation:</b> ${c.remediations.map((r) => `${e(r.what)} (by ${e(r.dueBy)}, ${e(r.status)})`).join('; ')}</p>` : ''}
${c.entries.map(entry).join('\n')}</section>`,
  )
  .join('\n')}
</body></html>
`;
}
