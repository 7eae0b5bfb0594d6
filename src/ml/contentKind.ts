// Which sponsorship labels apply to which kind of content. Undisclosed sponsorship is a creator's
// duty in what they publish (posts, captions, video and pin descriptions): only there is it scored.
// A comment that plugs something is self-promotion (a link or channel of the commenter's own, a code,
// a call to buy), which is labelled `self_promotion`, or nothing; its undisclosed_sponsorship score
// is withheld (null) with the reason, so no comment ever reaches the compliance view as an undisclosed ad.
// The other way round, the spam model is a comment-spam model (YouTube and Instagram comments, SMS):
// on a creator's caption, pin or video description it reads codes, links and @brand tags as spam
// (73% of the disclosed Mathur pins and 75% of the disclosed YouTube descriptions were labelled spam),
// so a caption's spam score is withheld too; a community post (kind post) keeps it.
import type { Classification, LabelName, ScoreName } from './classifier.ts';
import type { EvidenceSpan } from './evidence.ts';
import { selfPromotionHits } from './rules/selfPromotion.ts';

/** Content the item kinds of core/domain.ts (post, comment, caption) and pins/videos map onto. */
export const CONTENT_KINDS = ['post', 'caption', 'comment'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const NOT_SCORED_FOR_COMMENTS = "undisclosed sponsorship is scored for creators' posts, captions and descriptions, not for comments";
export const SPAM_NOT_SCORED_FOR_CAPTIONS = "the spam model is trained on comments and messages, not on creators' captions and descriptions";

export interface KindedClassification {
  readonly scores: Record<ScoreName | 'self_promotion', number | null>;
  readonly labels: LabelName[];
  readonly evidence: EvidenceSpan[];
  /** Scores withheld for this kind of content, with why. */
  readonly notScored: Partial<Record<ScoreName, string>>;
}

/**
 * The classification as it applies to `kind`. For a comment: `self_promotion` = the commercial score,
 * raised to the spam score where the comment plugs something of the commenter's own; labelled where
 * the comment is labelled commercial, or plugs its own things and is labelled spam (both over their
 * calibrated thresholds), with the plug wording as evidence.
 */
export function forContentKind(c: Pick<Classification, 'scores' | 'labels' | 'evidence'>, text: string, kind: ContentKind): KindedClassification {
  if (kind === 'caption') {
    const spamWithheld = c.scores.spam !== null;
    return {
      scores: { ...c.scores, spam: null, self_promotion: null },
      labels: c.labels.filter((l) => l !== 'spam'),
      evidence: c.evidence.filter((e) => e.task !== 'spam'),
      notScored: spamWithheld ? { spam: SPAM_NOT_SCORED_FOR_CAPTIONS } : {},
    };
  }
  if (kind !== 'comment' || c.scores.commercial === null) return { scores: { ...c.scores, self_promotion: null }, labels: [...c.labels], evidence: [...c.evidence], notScored: {} };
  const plugs = selfPromotionHits(text);
  const commercial = c.scores.commercial;
  const score = plugs.length > 0 ? Math.max(commercial, c.scores.spam ?? 0) : commercial;
  const labels = c.labels.filter((l) => l !== 'undisclosed_sponsorship');
  const evidence = [...c.evidence, ...plugs.map((p): EvidenceSpan => ({ task: 'self_promotion', start: p.start, end: p.end, text: text.slice(p.start, p.end), weight: 1, rule: 'self_promotion_wording' }))];
  const labelled = c.labels.includes('commercial') || (plugs.length > 0 && c.labels.includes('spam'));
  if (labelled) labels.push('self_promotion');
  return {
    scores: { ...c.scores, undisclosed_sponsorship: null, self_promotion: score },
    labels,
    evidence,
    notScored: { undisclosed_sponsorship: NOT_SCORED_FOR_COMMENTS },
  };
}
