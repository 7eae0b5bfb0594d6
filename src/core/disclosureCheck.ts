// Finds disclosure wording in a post and judges it under a jurisdiction profile: every wording with
// its span and where it sits (before the fold, in a hashtag cluster, only at the end of a long
// caption, only in the image), and two separate answers — `present` (any disclosure wording
// anywhere, adequate or risky) and `adequate` (wording the profile accepts, placed where the profile
// says it must be). Pure: the compliance scan and the studio's disclosure linter share it.
import { HASHTAG_CLUSTER, NEGATION_BEFORE, WORDINGS, type WordingId } from './disclosureWordings.ts';
import type { FallbackStatus, JurisdictionProfile, ProfileRule, WordingStatus } from './jurisdictionProfiles.ts';

export type DisclosureLocation = 'caption' | 'image';

export interface DisclosureFinding {
  readonly wording: WordingId;
  readonly text: string;
  readonly where: DisclosureLocation;
  readonly start: number;
  readonly end: number;
  readonly beforeFold: boolean;
  readonly inHashtagCluster: boolean;
  /** After the fold and in the last part of a long caption. */
  readonly onlyAtEnd: boolean;
  readonly status: WordingStatus;
  /** The profile rule that gave the wording its status. */
  readonly ruleId: string;
}

export type DisclosureOutcome =
  | 'adequate'
  | 'risky_wording'
  | 'only_in_image'
  | 'platform_label_only'
  | 'after_fold'
  | 'in_hashtag_cluster'
  | 'only_at_end'
  | 'inadequate_wording'
  | 'none';

export interface DisclosureAssessment {
  readonly present: boolean;
  readonly adequate: boolean;
  /** The best the post achieved, in the order of `DisclosureOutcome` (adequate first). */
  readonly outcome: DisclosureOutcome;
  /** The profile rule behind the outcome (null when there is no disclosure at all). */
  readonly rule: ProfileRule<unknown> | null;
  readonly findings: readonly DisclosureFinding[];
  readonly platformLabel: boolean;
  /** What the profile says a fallback (label only, image only) earns, when it decided the outcome. */
  readonly fallback: FallbackStatus | null;
}

export interface DisclosureInput {
  readonly caption: string;
  /** Text read from the post's image(s) (OCR), when there is any. */
  readonly imageText?: string | null;
  /** The platform's own paid-partnership label (Instagram "Paid partnership", YouTube paid promotion…). */
  readonly platformLabel?: boolean;
}

const COMPILED = WORDINGS.map((w) => ({ id: w.id, re: new RegExp(w.pattern, 'giu') }));
/** The share of a long caption counted as "the end". */
const END_SHARE = 0.25;

export function findDisclosures(text: string, where: DisclosureLocation, profile: JurisdictionProfile): DisclosureFinding[] {
  const clusters = [...text.matchAll(HASHTAG_CLUSTER)].map((m) => [m.index, m.index + m[0].length] as const);
  const fold = profile.foldChars.value;
  const raw: DisclosureFinding[] = [];
  for (const { id, re } of COMPILED) {
    for (const m of text.matchAll(re)) {
      if (NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      const start = m.index;
      const end = start + m[0].length;
      const rule = profile.wordings[id];
      const isCaption = where === 'caption';
      const beforeFold = !isCaption || start < fold;
      raw.push({
        wording: id,
        text: m[0],
        where,
        start,
        end,
        beforeFold,
        inHashtagCluster: isCaption && m[0].startsWith('#') && clusters.some(([s, e]) => start >= s && start < e),
        onlyAtEnd: isCaption && !beforeFold && start >= text.length * (1 - END_SHARE),
        status: rule.value,
        ruleId: rule.id,
      });
    }
  }
  // A weaker wording inside a stronger one ("affiliate" inside "affiliate links … commission",
  // "thanks to @x" inside "thanks to @x for the free product") is the same words, counted once.
  const kept = raw.filter((f) => !raw.some((o) => o !== f && o.start <= f.start && o.end >= f.end && (o.end - o.start > f.end - f.start || rank(o.status) < rank(f.status))));
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

const rank = (s: WordingStatus): number => (s === 'adequate' ? 0 : s === 'risky' ? 1 : 2);

/** Whether a caption finding sits where the profile says a disclosure must be. */
function placementProblem(f: DisclosureFinding, profile: JurisdictionProfile): { outcome: DisclosureOutcome; rule: ProfileRule<unknown> } | null {
  if (f.where === 'image') return null;
  if (f.inHashtagCluster && profile.hashtagClusterHides.value) return { outcome: 'in_hashtag_cluster', rule: profile.hashtagClusterHides };
  if (f.onlyAtEnd && profile.endOnlyHides.value) return { outcome: 'only_at_end', rule: profile.endOnlyHides };
  if (!f.beforeFold && profile.mustBeBeforeFold.value) return { outcome: 'after_fold', rule: profile.mustBeBeforeFold };
  return null;
}

export function assessDisclosure(input: DisclosureInput, profile: JurisdictionProfile): DisclosureAssessment {
  const caption = findDisclosures(input.caption, 'caption', profile);
  const image = input.imageText ? findDisclosures(input.imageText, 'image', profile) : [];
  const findings = [...caption, ...image];
  const platformLabel = input.platformLabel === true;
  const present = findings.some((f) => f.status !== 'inadequate');
  const base = { present, findings, platformLabel };
  const done = (outcome: DisclosureOutcome, rule: ProfileRule<unknown> | null, adequate: boolean, fallback: FallbackStatus | null = null): DisclosureAssessment => ({ ...base, outcome, rule, adequate, fallback });

  const placed = caption.filter((f) => f.status !== 'inadequate' && placementProblem(f, profile) === null);
  const adequate = placed.find((f) => f.status === 'adequate');
  if (adequate) return done('adequate', profile.wordings[adequate.wording], true);
  const risky = placed.find((f) => f.status === 'risky');
  if (risky) return done('risky_wording', profile.wordings[risky.wording], false);
  const onImage = image.find((f) => f.status === 'adequate') ?? image.find((f) => f.status === 'risky');
  if (onImage) {
    const accepted = onImage.status === 'adequate' && profile.imageOnly.value === 'sufficient';
    return done('only_in_image', profile.imageOnly, accepted, profile.imageOnly.value);
  }
  if (platformLabel) return done('platform_label_only', profile.platformLabelAlone, profile.platformLabelAlone.value === 'sufficient', profile.platformLabelAlone.value);
  // Good wording in the wrong place: the placement rule decides (the first such finding).
  for (const f of caption) {
    if (f.status === 'inadequate') continue;
    const problem = placementProblem(f, profile);
    if (problem) return done(problem.outcome, problem.rule, false);
  }
  const weak = caption.find((f) => f.status === 'inadequate');
  if (weak) return done('inadequate_wording', profile.wordings[weak.wording], false);
  return done('none', null, false);
}
