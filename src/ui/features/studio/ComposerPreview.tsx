// How the post will look per target: Instagram's feed (the first image as it will be sent — its
// crop, or the whole original — with its product tags where a tap shows them, the caption cut at the
// fold with "… more") and a Pinterest pin (the 2:3 rendition, title and the start of the description).
import { captionCounts, DEFAULT_LIMIT_PROFILES, type PostTarget } from '../../../core/postLimits.ts';
import type { RenditionTarget } from '../../../core/renditionTargets.ts';
import type { Content } from './composerDraft.ts';
import { MediaPreview } from './MediaPreview.tsx';
import type { PinLink } from './pinterestLink.ts';
import { PinterestPinPreview } from './PinterestPinPreview.tsx';

/** The image each target shows: Instagram sends the chosen crop or the original; a pin is always 2:3. */
const shownCrop = (target: PostTarget, crop: string | null): RenditionTarget | null => (target === 'pinterest' ? 'pinterest_pin' : (crop as RenditionTarget | null));

/** pinLink: where the pin links (typed, else the first tagged product's); the pin preview shows its domain. */
export function ComposerPreview({ content, pinLink = { url: content.link, fromProduct: false } }: { content: Content; pinLink?: PinLink }) {
  const first = content.media[0];
  if (!first) return null;
  return (
    <section className="composer-previews" aria-label="Previews">
      {content.targets.map((target) => {
        if (target === 'pinterest') return <PinterestPinPreview key={target} content={content} pinLink={pinLink} />;
        const fold = captionCounts(content.caption, DEFAULT_LIMIT_PROFILES[target]).foldAt;
        const crop = shownCrop(target, first.crop);
        // Tag x, y are fractions of the image as sent, which is what the Instagram preview shows.
        const tags = target === 'instagram' ? content.productTags.filter((t) => t.mediaIndex === 0) : [];
        return (
          <figure key={target} className={`composer-preview ${target}`} data-target={target}>
            <div className="composer-preview-image">
              <MediaPreview assetId={first.assetId} {...(crop ? { target: crop } : {})} alt={first.altText || `${target} preview`} />
              {tags.map((t, i) => (
                <span key={i} className="tag-marker preview" style={{ left: `${t.x * 100}%`, top: `${t.y * 100}%` }} />
              ))}
            </div>
            <figcaption>
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
