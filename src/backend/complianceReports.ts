// Builds a compliance report from the store (per creator: every post that is not compliant or that
// a person reviewed, with evidence, rule, content hash and snapshot hash; the snapshot check run
// fresh) and renders it as CSV, HTML or PDF. The renderers are pure (src/compliance/report).
import { JURISDICTION_PROFILES, isJurisdictionId } from '../core/jurisdictionProfiles.ts';
import type { CommercialEvidence } from '../compliance/commercialEvidence.ts';
import type { DisclosureFinding } from '../core/disclosureCheck.ts';
import { contentFromCanonical } from '../compliance/postContent.ts';
import { renderCsv } from '../compliance/report/csvReport.ts';
import { renderHtml } from '../compliance/report/htmlReport.ts';
import type { ComplianceReport, ReportCreator, ReportEntry } from '../compliance/report/reportModel.ts';
import type { DecidingRule, Verdict } from '../compliance/verdict.ts';
import { isoNow } from '../store/clock.ts';
import { getAudit, listCreators } from '../store/complianceAudits.ts';
import { latestVersion, postsOfAudit } from '../store/compliancePosts.ts';
import { latestVerdict, remediationsOfAudit, snapshotsOfPost, verifySnapshots } from '../store/complianceReview.ts';
import type { BackendContext } from './context.ts';

export const REPORT_FORMATS = ['csv', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface StoredEvidence {
  rule?: DecidingRule;
  commercial?: CommercialEvidence[];
  disclosure?: DisclosureFinding[];
}

const placement = (f: DisclosureFinding): string =>
  f.where === 'image' ? 'in the image' : f.inHashtagCluster ? 'in a hashtag cluster' : f.onlyAtEnd ? 'only at the end' : f.beforeFold ? 'before the fold' : 'after the fold';

export function buildComplianceReport(ctx: BackendContext, auditId: string, range: { from?: string | null; to?: string | null }): ComplianceReport {
  const audit = getAudit(ctx.db, auditId);
  const profile = isJurisdictionId(audit.jurisdiction) ? JURISDICTION_PROFILES[audit.jurisdiction] : null;
  const period = { from: range.from ?? audit.periodFrom, to: range.to ?? audit.periodTo };
  const posts = postsOfAudit(ctx.db, auditId, period);
  const remediations = remediationsOfAudit(ctx.db, auditId);
  const totals = { posts: posts.length, compliant: 0, needsReview: 0, nonCompliant: 0, reviewed: 0, unscanned: 0 };
  const byCreator = new Map<string, { posts: number; nonCompliant: number; entries: ReportEntry[] }>();
  for (const p of posts) {
    const group = byCreator.get(p.creatorId) ?? { posts: 0, nonCompliant: 0, entries: [] };
    byCreator.set(p.creatorId, group);
    group.posts++;
    const review = latestVerdict(ctx.db, p.postId);
    const scanVerdict = (p.scanVerdict as Verdict | null) ?? null;
    const verdict: Verdict | null = review?.verdict ?? scanVerdict;
    if (review) totals.reviewed++;
    if (verdict === null) {
      totals.unscanned++;
      continue;
    }
    totals[verdict === 'compliant' ? 'compliant' : verdict === 'needs_review' ? 'needsReview' : 'nonCompliant']++;
    if (verdict === 'non_compliant') group.nonCompliant++;
    if (verdict === 'compliant' && !review) continue;
    const evidence = (p.evidence ?? {}) as StoredEvidence;
    const snapshot = snapshotsOfPost(ctx.db, p.postId).filter((s) => s.contentSha256 === p.latestSha256).at(-1) ?? null;
    const version = latestVersion(ctx.db, p.postId);
    const rule = evidence.rule;
    group.entries.push({
      postId: p.postId,
      remoteId: p.remoteId,
      platform: p.platform,
      permalink: p.permalink,
      postedAt: p.postedAt,
      caption: version ? contentFromCanonical(version.content).caption : '',
      verdict,
      scanVerdict,
      scannedAt: p.scannedAt,
      reviewer: review ? { verdict: review.verdict, reason: review.reason, actor: review.actor, at: review.createdAt } : null,
      rule: { id: rule?.id ?? p.ruleId ?? 'unscanned', says: rule?.says ?? '', source: rule?.source ? `${rule.source.document}, ${rule.source.section} (${rule.source.date}) ${rule.source.url}` : null },
      commercial: (evidence.commercial ?? []).map((c) => ({ kind: c.brand ? `${c.kind} (${c.brand})` : c.kind, text: c.text })),
      disclosure: (evidence.disclosure ?? []).map((f) => ({ kind: `${f.wording}, ${placement(f)}, ${f.status}`, text: f.text })),
      disclosurePresent: p.disclosurePresent,
      disclosureAdequate: p.disclosureAdequate,
      contentSha256: p.latestSha256,
      snapshotSha256: snapshot?.sha256 ?? null,
      snapshotCapturedAt: snapshot?.capturedAt ?? null,
      thumbnailSha256: snapshot?.thumbnailSha256 ?? null,
      thumbnailJpeg: snapshot?.thumbnail ?? null,
      changedFrom: p.changedFrom,
    });
  }
  const creators: ReportCreator[] = listCreators(ctx.db, auditId)
    .filter((c) => byCreator.has(c.id))
    .map((c) => {
      const g = byCreator.get(c.id) ?? { posts: 0, nonCompliant: 0, entries: [] };
      return { handle: c.handle, platform: c.platform, posts: g.posts, nonCompliant: g.nonCompliant, entries: g.entries, remediations: remediations.filter((r) => r.creatorId === c.id).map((r) => ({ what: r.what, dueBy: r.dueBy, status: r.status })) };
    });
  const check = verifySnapshots(ctx.db, auditId);
  return {
    audit: { id: audit.id, name: audit.name, jurisdiction: audit.jurisdiction, profileName: profile?.name ?? audit.jurisdiction, profileVersion: profile?.version ?? 'unknown' },
    period,
    generatedAt: isoNow(ctx.clock),
    generatedBy: ctx.who.actor,
    totals,
    snapshotCheck: { checked: check.checked, problems: check.problems.map((p) => p.problem) },
    creators,
  };
}

/** The rendered report; PDF is loaded only when asked for (pdfkit is the heaviest of the three). */
export async function renderComplianceReport(report: ComplianceReport, format: ReportFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(renderCsv(report), 'utf8');
  if (format === 'html') return Buffer.from(renderHtml(report), 'utf8');
  const { renderPdf } = await import('../compliance/report/pdfReport.ts');
  return renderPdf(report);
}
