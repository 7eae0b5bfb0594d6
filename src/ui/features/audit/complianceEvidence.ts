// Reads a scan's stored evidence (compliance.posts.list's `evidence`, kept as JSON by the backend's
// scanEvidence) into what the review card shows, and cuts a caption into segments so each piece of
// commercial evidence and each disclosure wording can be highlighted on the words it came from.
import { z } from 'zod';

const sourceSchema = z.object({ document: z.string(), section: z.string(), url: z.string(), date: z.string() }).passthrough();
const evidenceSchema = z
  .object({
    rule: z.object({ id: z.string(), says: z.string(), source: sourceSchema.nullable() }).passthrough().nullable().optional(),
    outcome: z.string().optional(),
    platformLabel: z.boolean().optional(),
    disclosure: z
      .array(z.object({ wording: z.string(), text: z.string(), where: z.string(), start: z.number(), end: z.number(), status: z.string(), beforeFold: z.boolean(), inHashtagCluster: z.boolean(), onlyAtEnd: z.boolean() }).passthrough())
      .default([]),
    commercial: z.array(z.object({ kind: z.string(), strength: z.string(), text: z.string(), start: z.number().nullable(), end: z.number().nullable(), brand: z.string().nullable() }).passthrough()).default([]),
  })
  .passthrough();

export type ScanEvidence = z.output<typeof evidenceSchema>;
export type CommercialFinding = ScanEvidence['commercial'][number];
export type DisclosureFinding = ScanEvidence['disclosure'][number];

/** The stored evidence, or null when the post was not scanned or the shape is not one this UI knows. */
export function readEvidence(stored: unknown): ScanEvidence | null {
  const parsed = evidenceSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export type SpanKind = 'commercial' | 'disclosure' | 'both';

export interface CaptionSegment {
  readonly text: string;
  readonly kind: SpanKind | null;
  /** What the highlighted words are evidence of, for the mark's title and accessible description. */
  readonly labels: readonly string[];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: 'commercial' | 'disclosure';
  readonly label: string;
}

export const commercialLabel = (c: CommercialFinding): string => `Commercial evidence: ${c.kind.replaceAll('_', ' ')}${c.brand ? ` (${c.brand})` : ''}, ${c.strength}`;

export function placement(f: DisclosureFinding): string {
  if (f.where === 'image') return 'only in the image';
  if (f.inHashtagCluster) return 'in a hashtag cluster';
  if (f.onlyAtEnd) return 'only at the end';
  return f.beforeFold ? 'before the fold' : 'after the fold';
}

export const disclosureLabel = (f: DisclosureFinding): string => `Disclosure: "${f.text}" ${placement(f)}, ${f.status.replaceAll('_', ' ')}`;

/** Splits the caption at every span boundary; overlapping commercial and disclosure spans become 'both'. */
export function captionSegments(caption: string, evidence: ScanEvidence | null): CaptionSegment[] {
  const spans: Span[] = [];
  for (const c of evidence?.commercial ?? []) {
    if (c.start !== null && c.end !== null && c.end > c.start) spans.push({ start: c.start, end: c.end, kind: 'commercial', label: commercialLabel(c) });
  }
  for (const f of evidence?.disclosure ?? []) {
    if (f.where === 'caption' && f.end > f.start) spans.push({ start: f.start, end: f.end, kind: 'disclosure', label: disclosureLabel(f) });
  }
  const cuts = new Set<number>([0, caption.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(caption.length, s.start)));
    cuts.add(Math.max(0, Math.min(caption.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: CaptionSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const kinds = new Set(covering.map((s) => s.kind));
    const kind: SpanKind | null = kinds.size === 0 ? null : kinds.size === 2 ? 'both' : (covering[0] as Span).kind;
    segments.push({ text: caption.slice(from, to), kind, labels: covering.map((s) => s.label) });
  }
  return segments;
}
