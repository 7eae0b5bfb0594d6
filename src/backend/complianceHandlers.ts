// compliance.* endpoints: the audit workspace behind the contract, for the CLI today and the
// compliance UI next. Store errors a person can act on (unknown id, duplicate) become not_found /
// conflict values; the work itself is in complianceService.ts and complianceReports.ts.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { JURISDICTION_PROFILES } from '../core/jurisdictionProfiles.ts';
import { contentFromCanonical } from '../compliance/postContent.ts';
import { parsePostExport } from '../compliance/postImport.ts';
import { addBrand, addCreator, ComplianceConflictError, ComplianceNotFoundError, createAudit, listAudits, listBrands, listCreators } from '../store/complianceAudits.ts';
import { latestVersion, postsOfAudit, postVersions } from '../store/compliancePosts.ts';
import { hasSnapshotOf, latestVerdict, recordVerdict, remediationsOfAudit, requestRemediation, setRemediationStatus, snapshotsOfPost, verifySnapshots } from '../store/complianceReview.ts';
import { auditDashboard } from './complianceDashboard.ts';
import { buildComplianceReport, renderComplianceReport } from './complianceReports.ts';
import { importPostsIntoAudit, scanAudit, withImageText } from './complianceService.ts';
import { syncCreatorPosts } from './complianceSync.ts';
import { captureThumbnail } from './complianceThumbnails.ts';
import { appendPostUpload, PostUploadError, takePostUpload } from './complianceUploads.ts';
import type { BackendContext } from './context.ts';

type ComplianceMethod = Extract<keyof Handlers, `compliance.${string}`>;

/** Runs a store call, turning its expected failures into API errors. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ComplianceNotFoundError) fail('not_found', error.message);
    if (error instanceof ComplianceConflictError) fail('conflict', error.message);
    throw error;
  }
}

async function guardedAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return guarded(() => {
      throw error;
    });
  }
}

export function complianceHandlers(ctx: BackendContext): Pick<Handlers, ComplianceMethod> {
  const { db, clock, who } = ctx;
  return {
    'compliance.profiles': () => Object.values(JURISDICTION_PROFILES),
    'compliance.audits.list': () => listAudits(db),
    'compliance.audits.create': (input) => createAudit(db, input, who, clock),
    'compliance.creators.list': (input) => listCreators(db, input.auditId),
    'compliance.creators.add': (input) => guarded(() => addCreator(db, input, who, clock)),
    'compliance.brands.list': (input) => listBrands(db, input.auditId),
    'compliance.brands.add': (input) => guarded(() => addBrand(db, input, who, clock)),
    'compliance.posts.uploadPart': async (input) => {
      try {
        return await appendPostUpload(ctx.dataDir, input.uploadId, Buffer.from(input.dataBase64, 'base64'));
      } catch (error) {
        if (error instanceof PostUploadError) return fail('invalid_input', error.message);
        throw error;
      }
    },
    'compliance.posts.import': async (input) => {
      let text = input.text ?? '';
      if (input.uploadId !== undefined) {
        try {
          text = await takePostUpload(ctx.dataDir, input.uploadId);
        } catch (error) {
          if (error instanceof PostUploadError) return fail('not_found', error.message);
          throw error;
        }
      }
      let parsed;
      try {
        parsed = parsePostExport(text, input.format, input.platform ?? null);
      } catch (error) {
        return fail('invalid_input', `The ${input.format.toUpperCase()} export cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const { posts, imagesRead, problems } = input.ocr ? await withImageText(parsed.posts, parsed.imageFiles, input.baseDir ?? process.cwd()) : { posts: parsed.posts, imagesRead: 0, problems: [] };
      return guarded(() => ({ ...importPostsIntoAudit(ctx, input.auditId, posts), problems: [...parsed.problems, ...problems], imagesRead }));
    },
    'compliance.posts.sync': (input) => guardedAsync(() => syncCreatorPosts(ctx, input.auditId)),
    'compliance.scan': (input) => guardedAsync(() => scanAudit(ctx, input.auditId, { useModels: input.useModels })),
    'compliance.posts.list': (input) =>
      postsOfAudit(db, input.auditId, { from: input.from ?? null, to: input.to ?? null })
        .map((p) => ({ ...p, scanVerdict: p.scanVerdict as 'compliant' | 'needs_review' | 'non_compliant' | null, reviewerVerdict: latestVerdict(db, p.postId)?.verdict ?? null }))
        .filter((p) => input.verdict === undefined || (p.reviewerVerdict ?? p.scanVerdict) === input.verdict),
    'compliance.posts.get': (input) => ({
      versions: postVersions(db, input.postId).map((v) => ({ sha256: v.sha256, caption: contentFromCanonical(v.content).caption, content: JSON.parse(v.content) as unknown, firstSeenAt: v.firstSeenAt })),
      snapshots: snapshotsOfPost(db, input.postId).map(({ id, contentSha256, capturedAt, capturedBy, sha256, hasThumbnail, thumbnail, thumbnailSha256 }) => ({ id, contentSha256, capturedAt, capturedBy, sha256, hasThumbnail, thumbnailSha256, thumbnailJpegBase64: thumbnail === null ? null : thumbnail.toString('base64') })),
      verdict: latestVerdict(db, input.postId),
    }),
    'compliance.review': async (input) => {
      // A first snapshot of this version needs its thumbnail read before the verdict's transaction.
      const latest = guarded(() => latestVersion(db, input.postId));
      const thumbnail = latest && !hasSnapshotOf(db, input.postId, latest.sha256) ? await captureThumbnail(contentFromCanonical(latest.content)) : null;
      return guarded(() => recordVerdict(db, input, who, clock, thumbnail));
    },
    'compliance.remediations.list': (input) => remediationsOfAudit(db, input.auditId),
    'compliance.remediations.request': (input) => guarded(() => requestRemediation(db, input, who, clock)),
    'compliance.remediations.setStatus': (input) => guarded(() => setRemediationStatus(db, input.id, input.status, input.note ?? null, who, clock)),
    'compliance.dashboard': (input) => guarded(() => auditDashboard(ctx, input.auditId, { from: input.from ?? null, to: input.to ?? null })),
    'compliance.snapshots.verify': (input) => verifySnapshots(db, input.auditId),
    'compliance.report': async (input) => {
      const report = guarded(() => buildComplianceReport(ctx, input.auditId, { from: input.from ?? null, to: input.to ?? null }));
      const bytes = await renderComplianceReport(report, input.format);
      const slug = report.audit.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'audit';
      return {
        format: input.format,
        fileName: `stoa-compliance-${slug}-${report.period.from ?? 'start'}-to-${report.period.to ?? 'now'}.${input.format}`,
        contentBase64: bytes.toString('base64'),
        posts: report.totals.posts,
        nonCompliant: report.totals.nonCompliant,
        snapshotProblems: report.snapshotCheck.problems.length,
      };
    },
  };
}
