// The caption editor: the text, live counters per target (characters in the unit that target
// counts, hashtags, @-mentions, each against its limit) and the feed fold drawn where the first
// ~125 characters end, so a disclosure after it is visibly hidden.
import { captionCounts, DEFAULT_LIMIT_PROFILES, type PostTarget } from '../../../core/postLimits.ts';

const UNIT_WORD = { utf16: 'characters (UTF-16)', codepoint: 'characters', grapheme: 'characters' } as const;

export function ComposerCaption({ caption, targets, onChange }: { caption: string; targets: readonly PostTarget[]; onChange: (caption: string) => void }) {
  const first = targets[0] ?? 'instagram';
  const fold = captionCounts(caption, DEFAULT_LIMIT_PROFILES[first]).foldAt;
  return (
    <div className="composer-caption">
      <label htmlFor="composer-caption-text">Caption</label>
      <textarea id="composer-caption-text" rows={7} value={caption} onChange={(e) => onChange(e.target.value)} />
      <ul className="composer-counters" aria-label="Caption counters">
        {targets.map((target) => {
          const p = DEFAULT_LIMIT_PROFILES[target];
          const c = captionCounts(caption, p);
          const cls = (n: number, max: number) => (n > max ? 'over' : '');
          return (
            <li key={target} data-target={target}>
              <strong>{target}</strong>{' '}
              <span className={cls(c.characters, p.captionMax.value)} data-counter="characters">
                {c.characters}/{p.captionMax.value} {UNIT_WORD[c.unit]}
              </span>{' '}
              · <span className={cls(c.hashtags, p.hashtagsMax.value)} data-counter="hashtags">{c.hashtags}/{p.hashtagsMax.value} hashtags</span>{' '}
              · <span className={cls(c.mentions, p.mentionsMax.value)} data-counter="mentions">{c.mentions}/{p.mentionsMax.value} mentions</span>
            </li>
          );
        })}
      </ul>
      <div className="composer-fold-preview" aria-label="Feed preview">
        <span className="before-fold">{caption.slice(0, fold)}</span>
        {caption.length > fold ? (
          <>
            <span className="fold-marker" title={`The feed shows about ${DEFAULT_LIMIT_PROFILES[first].fold.value} characters before “more”`}>
              … more
            </span>
            <span className="after-fold">{caption.slice(fold)}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
