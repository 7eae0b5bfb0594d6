// Product tags on one image: click the image where the product is (x, y from the top-left, 0..1),
// search the catalog, pick the product. Tags already placed are drawn on the image, dragged to
// adjust, and listed with a remove button. A tag a crop change left outside the image is flagged
// (cropChange.ts) until it is dragged back or removed.
import { useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import type { RenditionTarget } from '../../../core/renditionTargets.ts';
import { useCall } from '../../hooks/useCall.ts';
import type { Content } from './composerDraft.ts';
import { isOutsideCrop } from './cropChange.ts';
import { MediaPreview } from './MediaPreview.tsx';
import { useProductNames } from './useProductNames.ts';

type Tag = Content['productTags'][number];
const round = (n: number): number => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;

function CatalogPicker({ onPick }: { onPick: (productId: string, label: string) => void }) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const { value } = useCall(trimmed === '' ? 'catalog.list' : 'catalog.search', trimmed === '' ? { limit: 8 } : { query: trimmed, limit: 8 });
  return (
    <div className="composer-catalog-picker">
      <label>
        Product <input type="search" value={query} placeholder="Search the catalog" onChange={(e) => setQuery(e.target.value)} aria-label="Search the catalog" />
      </label>
      <ul>
        {(value?.products ?? []).map((p) => (
          <li key={p.id}>
            <button type="button" className="btn" onClick={() => onPick(p.id, p.title)}>
              {p.title}
              {p.sku ? ` (${p.sku})` : ''}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Tags are placed on the image as it will be sent (the chosen crop), since x, y are relative to the published image. */
export function ComposerTagging({ assetId, crop, mediaIndex, tags, onChange }: { assetId: string; crop: RenditionTarget | null; mediaIndex: number; tags: readonly Tag[]; onChange: (tags: Tag[]) => void }) {
  const [pending, setPending] = useState<{ x: number; y: number } | null>(null);
  const mine = tags.map((t, i) => ({ t, i })).filter(({ t }) => t.mediaIndex === mediaIndex);
  const names = useProductNames(mine.map(({ t }) => t.productId));

  const dragging = useRef<number | null>(null);
  const dragged = useRef(false);
  const at = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: round((event.clientX - box.left) / box.width), y: round((event.clientY - box.top) / box.height) };
  };

  const place = (event: MouseEvent<HTMLDivElement>) => {
    // The click that ends a drag is not a new tag.
    if (dragged.current) {
      dragged.current = false;
      return;
    }
    setPending(at(event));
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    const index = dragging.current;
    if (index === null) return;
    dragged.current = true;
    const point = at(event);
    onChange(tags.map((t, j) => (j === index ? { ...t, ...point } : t)));
  };

  return (
    <div className="composer-tagging">
      <div className="composer-tag-image" onClick={place} onPointerMove={move} onPointerUp={() => (dragging.current = null)} onPointerLeave={() => (dragging.current = null)} role="presentation" data-testid="composer-tag-image">
        <MediaPreview assetId={assetId} {...(crop ? { target: crop } : {})} alt={`Image ${mediaIndex + 1}: click to place a product tag`} />
        {mine.map(({ t, i }) => (
          <span
            key={i}
            className={isOutsideCrop(t) ? 'tag-marker placed outside' : 'tag-marker placed'}
            style={{ left: `${t.x * 100}%`, top: `${t.y * 100}%` }}
            title="Drag to move this tag"
            onPointerDown={(e) => {
              e.preventDefault();
              dragging.current = i;
              dragged.current = false;
            }}
          />
        ))}
        {pending ? <span className="tag-marker pending" style={{ left: `${pending.x * 100}%`, top: `${pending.y * 100}%` }} /> : null}
      </div>
      {pending ? (
        <>
          <p className="muted">
            Tag at x {pending.x}, y {pending.y}: pick the product.
          </p>
          <CatalogPicker
            onPick={(productId) => {
              onChange([...tags, { mediaIndex, productId, x: pending.x, y: pending.y }]);
              setPending(null);
            }}
          />
        </>
      ) : (
        <p className="muted">Click the image to place a product tag.</p>
      )}
      <ul className="composer-tag-list" aria-label="Product tags">
        {mine.map(({ t, i }) => (
          <li key={i} data-outside={isOutsideCrop(t) || undefined}>
            {names.get(t.productId) ?? t.productId} at {t.x}, {t.y}
            {isOutsideCrop(t) ? <strong className="error"> — outside the new crop: drag it back onto the product or remove it</strong> : null}{' '}
            <button type="button" className="btn" onClick={() => onChange(tags.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
