// The compliance-audit part of the contract: audits, creators and brands under audit, posts read
// from an export, scans, the review queue (posts with their evidence), reviewer verdicts,
// remediation requests, snapshot verification and reports. Spread into endpoints.ts.
import { z } from 'zod';
import { JURISDICTION_IDS } from '../core/jurisdictionProfiles.ts';

const id = z.string().min(1).max(100);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const verdictSchema = z.enum(['compliant', 'needs_review', 'non_compliant']);
const remediationStatusSchema = z.enum(['open', 'sent', 'fixed', 'disputed', 'overdue', 'closed']);
const sha = z.string().regex(/^[0-9a-f]{64}$/);

/** One staged part of a post export: 512 KiB, under the browser-mode server's 1 MB body cap once base64-encoded. */
export const POST_UPLOAD_PART_BYTES = 512 * 1024;

export const complianceAuditSchema = z.object({ id: z.string(), name: z.string(), jurisdiction: z.string(), periodFrom: z.string(), periodTo: z.string(), createdAt: z.string(), createdBy: z.string() });
export const complianceCreatorSchema = z.object({ id: z.string(), auditId: z.string(), platform: z.string(), handle: z.string(), accountId: z.string().nullable(), remoteUserId: z.string().nullable() });
export const complianceBrandSchema = z.object({ id: z.string(), auditId: z.string(), name: z.string(), handles: z.array(z.string()), discountCodes: z.array(z.string()), affiliateIds: z.array(z.string()) });

const ruleSourceSchema = z.object({ document: z.string(), section: z.string(), url: z.string(), date: z.string(), verify: z.boolean().optional(), note: z.string().optional() });
const profileRuleSchema = z.object({ id: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), says: z.string(), source: ruleSourceSchema });

export const jurisdictionProfileSchema = z.object({
  id: z.enum(JURISDICTION_IDS),
  name: z.string(),
  version: z.string(),
  needsDisclosure: profileRuleSchema,
  wordings: z.record(z.string(), profileRuleSchema),
  foldChars: profileRuleSchema,
  mustBeBeforeFold: profileRuleSchema,
  hashtagClusterHides: profileRuleSchema,
  endOnlyHides: profileRuleSchema,
  imageOnly: profileRuleSchema,
  platformLabelAlone: profileRuleSchema,
});

export const compliancePostSchema = z.object({
  postId: z.string(),
  creatorId: z.string(),
  handle: z.string(),
  platform: z.string(),
  remoteId: z.string(),
  permalink: z.string().nullable(),
  postedAt: z.string().nullable(),
  latestSha256: sha,
  scanId: z.string().nullable(),
  scannedAt: z.string().nullable(),
  scanVerdict: verdictSchema.nullable(),
  ruleId: z.string().nullable(),
  disclosurePresent: z.boolean().nullable(),
  disclosureAdequate: z.boolean().nullable(),
  /** The scan's evidence: rule, outcome, disclosure findings (spans), commercial evidence (spans), model view. */
  evidence: z.unknown(),
  changedFrom: sha.nullable(),
  versions: z.number().int(),
  reviewerVerdict: verdictSchema.nullable(),
});

const snapshotSchema = z.object({
  id: z.string(),
  contentSha256: sha,
  capturedAt: z.string(),
  capturedBy: z.string(),
  sha256: sha,
  hasThumbnail: z.boolean(),
  /** The media thumbnail captured with the snapshot (a small JPEG) and its SHA-256, part of `sha256`. */
  thumbnailSha256: sha.nullable(),
  thumbnailJpegBase64: z.string().nullable(),
});
const reviewerVerdictSchema = z.object({ id: z.string(), postId: z.string(), scanId: z.string().nullable(), snapshotId: z.string(), snapshotSha256: sha, verdict: verdictSchema, reason: z.string(), actor: z.string(), createdAt: z.string() });
const remediationSchema = z.object({ id: z.string(), auditId: z.string(), creatorId: z.string(), postId: z.string().nullable(), what: z.string(), dueBy: z.string(), status: remediationStatusSchema, createdAt: z.string(), createdBy: z.string(), updatedAt: z.string() });

const rateSchema = z.object({ key: z.string(), posts: z.number().int(), scanned: z.number().int(), compliant: z.number().int(), needsReview: z.number().int(), nonCompliant: z.number().int(), rate: z.number().nullable() });

export const complianceEndpoints = {
  /** The jurisdiction profiles with every rule and its source. */
  'compliance.profiles': { input: z.object({}).strict().default({}), output: z.array(jurisdictionProfileSchema) },
  'compliance.audits.list': { input: z.object({}).strict().default({}), output: z.array(complianceAuditSchema) },
  'compliance.audits.create': {
    input: z.object({ name: z.string().trim().min(1).max(200), jurisdiction: z.enum(JURISDICTION_IDS), periodFrom: day, periodTo: day }).strict(),
    output: complianceAuditSchema,
  },
  'compliance.creators.list': { input: z.object({ auditId: id }).strict(), output: z.array(complianceCreatorSchema) },
  'compliance.creators.add': {
    input: z.object({ auditId: id, platform: z.string().trim().min(1).max(40), handle: z.string().trim().min(1).max(100), accountId: id.optional(), remoteUserId: z.string().max(100).optional() }).strict(),
    output: complianceCreatorSchema,
  },
  'compliance.brands.list': { input: z.object({ auditId: id }).strict(), output: z.array(complianceBrandSchema) },
  'compliance.brands.add': {
    input: z
      .object({
        auditId: id,
        name: z.string().trim().min(1).max(200),
        handles: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
        discountCodes: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
        affiliateIds: z.array(z.string().trim().min(2).max(200)).max(100).default([]),
      })
      .strict(),
    output: complianceBrandSchema,
  },
  /** Stages a part of a post export too large for one request; without uploadId, starts an upload. */
  'compliance.posts.uploadPart': {
    input: z.object({ uploadId: z.string().max(64).optional(), dataBase64: z.string().min(1).max(Math.ceil(POST_UPLOAD_PART_BYTES / 3) * 4) }).strict(),
    output: z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
  },
  /** Posts from an export file's text (JSON or CSV, shape in src/compliance/postImport.ts), given inline or staged (uploadId). */
  'compliance.posts.import': {
    input: z
      .object({
        auditId: id,
        format: z.enum(['json', 'csv']),
        text: z.string().max(50_000_000).optional(),
        uploadId: z.string().max(64).optional(),
        platform: z.string().trim().min(1).max(40).optional(),
        /** Read the text on each post's `image_files` with on-device OCR (paths relative to baseDir). */
        ocr: z.boolean().default(false),
        baseDir: z.string().max(4096).optional(),
      })
      .strict()
      .refine((v) => (v.text === undefined) !== (v.uploadId === undefined), 'give the export as text or as a staged uploadId, not both'),
    output: z.object({
      read: z.number().int(),
      newPosts: z.number().int(),
      newVersions: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.array(z.object({ remoteId: z.string(), reason: z.string() })),
      problems: z.array(z.object({ row: z.number().int(), message: z.string() })),
      /** Images read by OCR (0 without `ocr`). */
      imagesRead: z.number().int(),
    }),
  },
  /** Reads creators' posts in the audit's period through their connected accounts (Instagram media, YouTube uploads). */
  'compliance.posts.sync': {
    input: z.object({ auditId: id }).strict(),
    output: z.object({
      creators: z.number().int(),
      read: z.number().int(),
      newPosts: z.number().int(),
      newVersions: z.number().int(),
      unchanged: z.number().int(),
      quarantined: z.number().int(),
      skipped: z.array(z.object({ remoteId: z.string(), reason: z.string() })),
      problems: z.array(z.object({ handle: z.string(), platform: z.string(), reason: z.string() })),
    }),
  },
  'compliance.scan': {
    input: z.object({ auditId: id, useModels: z.boolean().default(true) }).strict(),
    output: z.object({
      auditId: z.string(),
      jurisdiction: z.string(),
      scanned: z.number().int(),
      byVerdict: z.object({ compliant: z.number().int(), needs_review: z.number().int(), non_compliant: z.number().int() }),
      changed: z.array(z.object({ postId: z.string(), from: sha, to: sha })),
      snapshots: z.number().int(),
      modelVersion: z.string().nullable(),
    }),
  },
  /** The review queue: posts of an audit with their latest scan, filtered by verdict and period. */
  'compliance.posts.list': {
    input: z.object({ auditId: id, from: day.optional(), to: day.optional(), verdict: verdictSchema.optional() }).strict(),
    output: z.array(compliancePostSchema),
  },
  'compliance.posts.get': {
    input: z.object({ postId: id }).strict(),
    output: z.object({
      versions: z.array(z.object({ sha256: sha, caption: z.string(), content: z.unknown(), firstSeenAt: z.string() })),
      snapshots: z.array(snapshotSchema),
      verdict: reviewerVerdictSchema.nullable(),
    }),
  },
  'compliance.review': {
    input: z.object({ postId: id, verdict: verdictSchema, reason: z.string().trim().min(1).max(2000) }).strict(),
    output: reviewerVerdictSchema,
  },
  'compliance.remediations.list': { input: z.object({ auditId: id }).strict(), output: z.array(remediationSchema) },
  'compliance.remediations.request': {
    input: z.object({ creatorId: id, postId: id.optional(), what: z.string().trim().min(1).max(2000), dueBy: day }).strict(),
    output: remediationSchema,
  },
  'compliance.remediations.setStatus': {
    input: z.object({ id, status: remediationStatusSchema, note: z.string().trim().max(2000).optional() }).strict(),
    output: remediationSchema,
  },
  'compliance.snapshots.verify': {
    input: z.object({ auditId: id.optional() }).strict(),
    output: z.object({ checked: z.number().int(), problems: z.array(z.object({ snapshotId: z.string(), postId: z.string(), problem: z.string() })) }),
  },
  /** The dashboard, computed locally: compliance rate per creator, brand, platform and ISO week (Monday, UTC), and the worst offenders. */
  'compliance.dashboard': {
    input: z.object({ auditId: id, from: day.optional(), to: day.optional() }).strict(),
    output: z.object({
      totals: rateSchema,
      byCreator: z.array(rateSchema),
      byBrand: z.array(rateSchema),
      byPlatform: z.array(rateSchema),
      byWeek: z.array(rateSchema),
      worstOffenders: z.array(rateSchema),
    }),
  },
  /** A report over a period; the file's bytes come back base64-encoded for the UI to save. */
  'compliance.report': {
    input: z.object({ auditId: id, from: day.optional(), to: day.optional(), format: z.enum(['csv', 'html', 'pdf']) }).strict(),
    output: z.object({ format: z.enum(['csv', 'html', 'pdf']), fileName: z.string(), contentBase64: z.string(), posts: z.number().int(), nonCompliant: z.number().int(), snapshotProblems: z.number().int() }),
  },
} as const;
