// How the post will look per target: Instagram's feed (the first image at the crop it will be sent
// at, the caption cut at the fold with "… more") and a Pinterest pin (the 2:3 rendition, title and
// the start of the description).
import { captionCounts, DEFAULT_LIMIT_PROFILES, type PostTarget } from '../../../core/postLimits.ts';
import type { RenditionTarget } from '../../../core/renditionTargets.ts';
import type { Content } from './composerDraft.ts';
import { MediaPreview } from './MediaPreview.tsx';

const DEFAULT_CROP: Readonly<Record<PostTarget, RenditionTarget>> = { instagram: 'instagram_portrait', pinterest: 'pinterest_pin' };

export function ComposerPreview({ content }: { content: Content }) {
  const first = content.media[0];
  if (!first) return null;
  return (
    <section className="composer-previews" aria-label="Previews">
      {content.targets.map((target) => {
        const fold = captionCounts(content.caption, DEFAULT_LIMIT_PROFILES[target]).foldAt;
        const crop = target === 'instagram' && first.crop?.startsWith('instagram_') ? first.crop : DEFAULT_CROP[target];
        return (
          <figure key={target} className={`composer-preview ${target}`} data-target={target}>
            <MediaPreview assetId={first.assetId} target={crop} alt={first.altText || `${target} preview`} />
            <figcaption>
              {target === 'pinterest' && content.title ? <strong>{content.title}</strong> : null}
              {content.paidPartnership && target === 'instagram' ? <span className="muted">Paid partnership{content.brandPartner ? ` with ${content.brandPartner}` : ''} · </span> : null}
              {content.caption.slice(0, fold)}
              {content.caption.length > fold ? <span className="muted"> … more</span> : null}
              {content.media.length > 1 ? <span className="muted"> · 1 of {content.media.length}</span> : null}
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
