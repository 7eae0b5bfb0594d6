// One image from the library, fetched as a data: URL (the CSP's img-src allows data:): the
// thumbnail, or a rendition when a target is given. Keyed by the caller on what it shows, so a
// re-rendered rendition is fetched again.
import type { RenditionTarget } from '../../../core/renditionTargets.ts';
import { useCall } from '../../hooks/useCall.ts';

export function MediaPreview({ assetId, target, alt, className }: { assetId: string; target?: RenditionTarget; alt: string; className?: string }) {
  const { value, error } = useCall('media.preview', target === undefined ? { id: assetId } : { id: assetId, target });
  if (error) return <span className="error">{error.message}</span>;
  if (!value) return <span className="muted media-loading">Loading…</span>;
  return <img className={className} src={value.dataUrl} alt={alt} draggable={false} />;
}
