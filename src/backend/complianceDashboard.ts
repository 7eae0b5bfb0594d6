// compliance.dashboard: the audit's posts as the dashboard counts them — each with its effective
// verdict (the reviewer's over the scan's) and the brands its scan evidence named — aggregated by
// src/compliance/dashboard.ts. Nothing leaves the machine.
import { complianceDashboard, type ComplianceDashboard, type DashboardPost } from '../compliance/dashboard.ts';
import type { Verdict } from '../compliance/verdict.ts';
import { getAudit, listBrands } from '../store/complianceAudits.ts';
import { postsOfAudit } from '../store/compliancePosts.ts';
import { latestVerdict } from '../store/complianceReview.ts';
import type { BackendContext } from './context.ts';

const brandsIn = (evidence: unknown): string[] => {
  const commercial = (evidence as { commercial?: { brand?: unknown }[] } | null)?.commercial;
  return Array.isArray(commercial) ? commercial.map((c) => c.brand).filter((b): b is string => typeof b === 'string' && b !== '') : [];
};

export function auditDashboard(ctx: BackendContext, auditId: string, range: { from: string | null; to: string | null }): ComplianceDashboard {
  getAudit(ctx.db, auditId);
  const posts: DashboardPost[] = postsOfAudit(ctx.db, auditId, range).map((p) => ({
    handle: p.handle,
    platform: p.platform,
    postedAt: p.postedAt,
    verdict: latestVerdict(ctx.db, p.postId)?.verdict ?? (p.scanVerdict as Verdict | null),
    brands: brandsIn(p.evidence),
  }));
  return complianceDashboard(posts, listBrands(ctx.db, auditId).map((b) => b.name));
}
