// The compliance audit composed: posts read from an export (or a connector) are stored as content
// versions of posts under audit, kept apart from the moderation queue; a scan judges each post's
// latest version with the sponsorship rules the models use (src/ml/rules), the model's view when a
// sponsorship model is installed, the audit's brands and jurisdiction profile (src/compliance,
// src/core), records the scan, snapshots every post a person must look at, and audits the run.
import { JURISDICTION_PROFILES, isJurisdictionId } from '../core/jurisdictionProfiles.ts';
import type { AuditBrand } from '../compliance/brands.ts';
import type { ModelView } from '../compliance/commercialEvidence.ts';
import { canonicalContent, contentFromCanonical, type PostContent } from '../compliance/postContent.ts';
import { prepareScan, scanPost, type ScanResult } from '../compliance/scanPost.ts';
import type { Classification } from '../ml/classifier.ts';
import type { Verdict } from '../compliance/verdict.ts';
import { sponsorshipRuleHits } from '../ml/rules/sponsorshipRules.ts';
import { appendAudit } from '../store/audit.ts';
import { isoNow } from '../store/clock.ts';
import { findCreator, getAudit, listBrands } from '../store/complianceAudits.ts';
import { lastScannedSha, latestVersionsOfAudit, recordScan, upsertPostVersion } from '../store/compliancePosts.ts';
import { ensureSnapshot, hasSnapshotOf } from '../store/complianceReview.ts';
import { captureThumbnails, type CapturedThumbnail, type FetchLike } from './complianceThumbnails.ts';
import type { BackendContext } from './context.ts';
import { StoaUserError } from './errors.ts';
import { sponsorshipClassifier } from './complianceModels.ts';

export interface ImportSummary {
  readonly read: number;
  readonly newPosts: number;
  readonly newVersions: number;
  readonly unchanged: number;
  readonly skipped: { remoteId: string; reason: string }[];
}

export function importPostsIntoAudit(ctx: BackendContext, auditId: string, posts: readonly PostContent[]): ImportSummary {
  getAudit(ctx.db, auditId);
  const seenAt = isoNow(ctx.clock);
  let newPosts = 0;
  let newVersions = 0;
  let unchanged = 0;
  const skipped: { remoteId: string; reason: string }[] = [];
  ctx.db.transaction(() => {
    for (const post of posts) {
      const creator = findCreator(ctx.db, auditId, post.platform, post.creatorHandle);
      if (!creator) {
        skipped.push({ remoteId: post.remoteId, reason: `@${post.creatorHandle} on ${post.platform} is not under this audit (add it with stoa audit add-creator)` });
        continue;
      }
      const stored = upsertPostVersion(ctx.db, { creatorId: creator.id, platform: post.platform, remoteId: post.remoteId, permalink: post.permalink, postedAt: post.postedAt, contentJson: canonicalContent(post), seenAt });
      if (stored.newPost) newPosts++;
      else if (stored.newVersion) newVersions++;
      else unchanged++;
    }
    appendAudit(ctx.db, { ...ctx.who, action: 'compliance.posts.import', subject: auditId, details: { read: posts.length, newPosts, newVersions, skipped: skipped.length } }, ctx.clock);
  })();
  return { read: posts.length, newPosts, newVersions, unchanged, skipped };
}

/**
 * Posts with the text read from their local image files (on-device OCR), for posts whose export
 * gave no image text. The reader is loaded only when a post has images.
 */
export async function withImageText(posts: readonly PostContent[], imageFiles: readonly (readonly string[])[], baseDir: string): Promise<{ posts: PostContent[]; imagesRead: number; problems: { row: number; message: string }[] }> {
  if (!imageFiles.some((files, i) => files.length > 0 && posts[i]?.imageText === null)) return { posts: [...posts], imagesRead: 0, problems: [] };
  const { openImageTextReader } = await import('../compliance/imageText.ts');
  const { resolve } = await import('node:path');
  const reader = await openImageTextReader();
  const problems: { row: number; message: string }[] = [];
  let imagesRead = 0;
  try {
    const out: PostContent[] = [];
    for (const [i, post] of posts.entries()) {
      const files = imageFiles[i] ?? [];
      if (files.length === 0 || post.imageText !== null) {
        out.push(post);
        continue;
      }
      const texts: string[] = [];
      for (const file of files) {
        try {
          const read = await reader.read(resolve(baseDir, file));
          imagesRead++;
          if (read.text !== '') texts.push(read.text);
        } catch (error) {
          problems.push({ row: i + 1, message: `image ${file} could not be read: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
      out.push({ ...post, imageText: texts.length > 0 ? texts.join('\n') : null });
    }
    return { posts: out, imagesRead, problems };
  } finally {
    await reader.close();
  }
}

export interface ScanSummary {
  readonly auditId: string;
  readonly jurisdiction: string;
  readonly scanned: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  readonly changed: { postId: string; from: string; to: string }[];
  readonly snapshots: number;
  readonly modelVersion: string | null;
}

/** What a scan stores as evidence: everything a reviewer or a report needs to see why. */
export const scanEvidence = (r: ScanResult): Record<string, unknown> => ({ rule: r.rule, outcome: r.disclosure.outcome, disclosure: r.disclosure.findings, platformLabel: r.disclosure.platformLabel, commercial: r.commercial, model: r.model });

export interface ScanOptions {
  readonly useModels?: boolean;
  /** Capture a media thumbnail for each new snapshot (default true); how media URLs are fetched. */
  readonly thumbnails?: boolean;
  readonly fetch?: FetchLike;
}

export async function scanAudit(ctx: BackendContext, auditId: string, options: ScanOptions = {}): Promise<ScanSummary> {
  const audit = getAudit(ctx.db, auditId);
  if (!isJurisdictionId(audit.jurisdiction)) throw new StoaUserError(`The audit's jurisdiction "${audit.jurisdiction}" is not one Stoa knows.`);
  const profile = JURISDICTION_PROFILES[audit.jurisdiction];
  const brands: AuditBrand[] = listBrands(ctx.db, auditId);
  const pending = latestVersionsOfAudit(ctx.db, auditId).map((v) => ({ ...v, post: contentFromCanonical(v.content) }));
  // The model scores on its worker threads while this thread does the model-free part (disclosure
  // evidence, rule hits, hashes): the two overlap instead of taking turns.
  const modelsReady = await startModelViews(ctx, pending.map((p) => p.post.caption), options.useModels ?? true);
  const prepared = pending.map((p) => ({ scan: prepareScan(p.post, profile), ruleHits: sponsorshipRuleHits(p.post.caption) }));
  const models = await modelsReady();
  const scannedAt = isoNow(ctx.clock);
  // Judging is pure, so it runs first; then the thumbnails the new snapshots need are read (I/O,
  // outside the transaction), and everything is recorded in one transaction.
  const results = pending.map((p, i) => scanPost({ post: p.post, profile, brands, ruleHits: prepared[i]?.ruleHits ?? [], model: models.views[i] ?? null, scannedAt, prepared: prepared[i]?.scan }));
  const needsSnapshot = pending.map((p, i) => {
    const previous = lastScannedSha(ctx.db, p.postId);
    return (results[i]?.verdict !== 'compliant' || (previous !== null && previous !== p.sha256)) && !hasSnapshotOf(ctx.db, p.postId, p.sha256);
  });
  const wanted = pending.filter((_, i) => needsSnapshot[i] === true);
  const captured = options.thumbnails === false ? [] : await captureThumbnails(wanted.map((p) => p.post), options.fetch);
  const thumbs = new Map<string, CapturedThumbnail>(wanted.map((p, i) => [p.postId, captured[i] ?? { jpeg: null, problem: 'thumbnails were not captured for this scan' }]));
  const byVerdict: Record<Verdict, number> = { compliant: 0, needs_review: 0, non_compliant: 0 };
  const changed: { postId: string; from: string; to: string }[] = [];
  let snapshots = 0;
  ctx.db.transaction(() => {
    pending.forEach((p, i) => {
      const result = results[i];
      if (!result) throw new Error(`post ${p.postId} has no scan result`);
      // The store hashes what it keeps; a mismatch would mean the scan judged other content than it records.
      if (result.contentSha256 !== p.sha256) throw new Error(`scan of post ${p.postId} hashed ${result.contentSha256}, the store holds ${p.sha256}`);
      const recorded = recordScan(ctx.db, { postId: p.postId, sha256: p.sha256, scannedAt, jurisdiction: profile.id, profileVersion: profile.version, verdict: result.verdict, ruleId: result.rule.id, disclosurePresent: result.disclosurePresent, disclosureAdequate: result.disclosureAdequate, evidence: scanEvidence(result) });
      byVerdict[result.verdict]++;
      if (recorded.changedFrom !== null) changed.push({ postId: p.postId, from: recorded.changedFrom, to: p.sha256 });
      if (result.verdict !== 'compliant' || recorded.changedFrom !== null) {
        const thumb = thumbs.get(p.postId);
        if (ensureSnapshot(ctx.db, p.postId, ctx.who, ctx.clock, thumb?.jpeg ?? null, thumb?.problem ?? null).created) snapshots++;
      }
    });
    appendAudit(ctx.db, { ...ctx.who, action: 'compliance.scan', subject: auditId, details: { jurisdiction: profile.id, profileVersion: profile.version, scanned: pending.length, byVerdict, changed: changed.length, modelVersion: models.version } }, ctx.clock);
  })();
  return { auditId, jurisdiction: profile.id, scanned: pending.length, byVerdict, changed, snapshots, modelVersion: models.version };
}

type ModelViews = { views: (ModelView | null)[]; version: string | null };

/** Sends the captions to the model now and returns how to wait for its views. */
async function startModelViews(ctx: BackendContext, captions: readonly string[], wanted: boolean): Promise<() => Promise<ModelViews>> {
  const none = () => Promise.resolve<ModelViews>({ views: [], version: null });
  if (!wanted || captions.length === 0) return none;
  const classifier = await sponsorshipClassifier(ctx);
  if (!classifier) return none;
  // classify() posts the texts to the workers before its first await.
  const scoring = classifier.classify(captions);
  // A rejection is handled by whoever awaits the thunk; until then it must not count as unhandled.
  scoring.catch(() => undefined);
  return () => scoring.then((results) => modelViewsOf(classifier.versionOf('sponsorship') ?? null, results));
}

function modelViewsOf(version: string | null, results: readonly Classification[]): ModelViews {
  const views = results.map((r): ModelView | null => {
    const commercial = r.scores.commercial;
    const undisclosed = r.scores.undisclosed_sponsorship;
    if (commercial === null || undisclosed === null || version === null) return null;
    return { commercial, undisclosedSponsorship: undisclosed, modelVersion: version, commercialLabel: r.labels.includes('commercial') };
  });
  return { views, version };
}
