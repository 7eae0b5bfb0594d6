// The pin as Pinterest will show it: the first image's 2:3 rendition from the media library (a pin
// is always sent as pinterest_pin), the title, the start of the description (the caption, cut at
// the Pinterest fold) and the domain the pin links to — the typed link, else the first tagged
// product's catalog link.
import { captionCounts, PINTEREST_PIN } from '../../../core/postLimits.ts';
import type { Content } from './composerDraft.ts';
import { MediaPreview } from './MediaPreview.tsx';
import { linkDomain, type PinLink } from './pinterestLink.ts';

export function PinterestPinPreview({ content, pinLink }: { content: Content; pinLink: PinLink }) {
  const first = content.media[0];
  if (!first) return null;
  const fold = captionCounts(content.caption, PINTEREST_PIN).foldAt;
  return (
    <figure className="composer-preview pinterest pin-preview" data-target="pinterest" aria-label="Pinterest pin preview">
      <div className="composer-preview-image pin-image">
        <MediaPreview assetId={first.assetId} target="pinterest_pin" alt={first.altText || 'Pinterest pin preview'} />
        {content.media.length > 1 ? <span className="pin-carousel muted">1 of {content.media.length}</span> : null}
      </div>
      <figcaption>
        {content.title ? <strong className="pin-title">{content.title}</strong> : <span className="muted pin-title">No title</span>}
        <span className="pin-description">
          {content.caption.slice(0, fold)}
          {content.caption.length > fold ? <span className="muted">…</span> : null}
        </span>
        {pinLink.url ? (
          <span className="pin-domain" data-testid="pin-domain" title={pinLink.url}>
            {linkDomain(pinLink.url)}
          </span>
        ) : (
          <span className="muted pin-domain">No link</span>
        )}
      </figcaption>
    </figure>
  );
}
