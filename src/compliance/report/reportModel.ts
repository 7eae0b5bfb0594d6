// The content of a compliance report, whatever it is rendered as (CSV, HTML, PDF): the audit and
// its profile, the period, totals, the snapshot check, and per creator each post that is not
// compliant or that a person reviewed — with its evidence, the rule that decided it, the content
// hash as scanned and the hash of the immutable snapshot a reader can verify.
import type { Verdict } from '../verdict.ts';

export interface ReportEvidence {
  readonly kind: string;
  readonly text: string;
}

export interface ReportEntry {
  readonly postId: string;
  readonly remoteId: string;
  readonly platform: string;
  readonly permalink: string | null;
  readonly postedAt: string | null;
  readonly caption: string;
  /** The reviewer's verdict when there is one, else the scan's. */
  readonly verdict: Verdict;
  readonly scanVerdict: Verdict | null;
  readonly scannedAt: string | null;
  readonly reviewer: { readonly verdict: Verdict; readonly reason: string; readonly actor: string; readonly at: string } | null;
  readonly rule: { readonly id: string; readonly says: string; readonly source: string | null };
  readonly commercial: readonly ReportEvidence[];
  readonly disclosure: readonly ReportEvidence[];
  readonly disclosurePresent: boolean | null;
  readonly disclosureAdequate: boolean | null;
  readonly contentSha256: string;
  readonly snapshotSha256: string | null;
  readonly snapshotCapturedAt: string | null;
  /** The snapshot's media thumbnail (small JPEG) and its SHA-256, when one was captured. */
  readonly thumbnailSha256: string | null;
  readonly thumbnailJpeg: Buffer | null;
  /** The content hash of the version before, when the post changed between scans. */
  readonly changedFrom: string | null;
}

export interface ReportRemediation {
  readonly what: string;
  readonly dueBy: string;
  readonly status: string;
}

export interface ReportCreator {
  readonly handle: string;
  readonly platform: string;
  readonly posts: number;
  readonly nonCompliant: number;
  readonly entries: readonly ReportEntry[];
  readonly remediations: readonly ReportRemediation[];
}

export interface ComplianceReport {
  readonly audit: { readonly id: string; readonly name: string; readonly jurisdiction: string; readonly profileName: string; readonly profileVersion: string };
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly totals: { readonly posts: number; readonly compliant: number; readonly needsReview: number; readonly nonCompliant: number; readonly reviewed: number; readonly unscanned: number };
  readonly snapshotCheck: { readonly checked: number; readonly problems: readonly string[] };
  readonly creators: readonly ReportCreator[];
}

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = { compliant: 'Compliant', needs_review: 'Needs review', non_compliant: 'Non-compliant' };
