// The selected image: click on it to set the focal point every rendition is cut around, see the
// renditions per target, write its alt text, or delete it (refused while a post uses it).
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { RENDITION_SPECS } from '../../../core/renditionTargets.ts';
import { useClient } from '../../apiContext.tsx';
import { MediaPreview } from './MediaPreview.tsx';

type Asset = OutputOf<'media.get'>;

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** Arrow keys move the focal point by 5 % of the image. */
const ARROW_STEPS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-0.05, 0], ArrowRight: [0.05, 0], ArrowUp: [0, -0.05], ArrowDown: [0, 0.05] };

export function MediaEditor({ asset, onChange, onDeleted }: { asset: Asset; onChange: (asset: Asset) => void; onDeleted: (name: string) => void }) {
  const client = useClient();
  const [altText, setAltText] = useState(asset.altText);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setAltText(asset.altText), [asset.id, asset.altText]);

  function clicked(event: MouseEvent<HTMLButtonElement>) {
    // A keyboard "click" has no position (detail 0); the arrow keys move the point instead.
    if (event.detail === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    void setFocalPoint((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  }

  function keyed(event: KeyboardEvent<HTMLButtonElement>) {
    const step = ARROW_STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    void setFocalPoint(asset.focalPoint.x + step[0], asset.focalPoint.y + step[1]);
  }

  async function setFocalPoint(rawX: number, rawY: number) {
    const x = Math.min(1, Math.max(0, rawX));
    const y = Math.min(1, Math.max(0, rawY));
    setBusy(true);
    const reply = await client.call('media.setFocalPoint', { id: asset.id, x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 });
    setBusy(false);
    if (!reply.ok) return setMessage({ text: reply.error.message, error: true });
    const { posts, tags, outside } = reply.value.tagsRemapped;
    const moved = tags === 0 ? '' : ` ${tags} product tag${tags === 1 ? '' : 's'} in ${posts} post${posts === 1 ? '' : 's'} moved to stay on the same spot of the photo.`;
    const off = outside === 0 ? '' : ` ${outside} fell outside the new crop and now sit on its edge: check ${outside === 1 ? 'it' : 'them'} in the composer.`;
    setMessage({ text: `Focal point set at ${percent(reply.value.focalPoint.x)} across, ${percent(reply.value.focalPoint.y)} down; renditions re-cut.${moved}${off}`, error: outside > 0 });
    onChange(reply.value);
  }

  async function saveAltText() {
    const reply = await client.call('media.setAltText', { id: asset.id, altText });
    if (!reply.ok) return setMessage({ text: reply.error.message, error: true });
    setMessage({ text: 'Alt text saved.', error: false });
    onChange(reply.value);
  }

  async function remove() {
    const reply = await client.call('media.delete', { id: asset.id });
    if (!reply.ok) return setMessage({ text: reply.error.message, error: true });
    onDeleted(asset.originalName);
  }

  const name = asset.altText || asset.originalName;
  return (
    <section className="media-editor" aria-label="Selected image">
      <h2>{asset.originalName}</h2>
      <p className="muted">
        {asset.format.toUpperCase()} {asset.width}×{asset.height}
        {asset.orientationApplied ? ' · turned upright' : ''}
        {asset.metadataStripped ? ' · location and camera metadata removed' : ' · metadata kept'}
      </p>
      <button type="button" className="focal-editor" aria-label="Set focal point" aria-busy={busy} onClick={clicked} onKeyDown={keyed}>
        <MediaPreview key={asset.sha256} assetId={asset.id} alt={name} />
        <span className="focal-marker" aria-hidden="true" style={{ left: percent(asset.focalPoint.x), top: percent(asset.focalPoint.y) }} />
      </button>
      <p className="muted" aria-label="Focal point">
        Focal point: {percent(asset.focalPoint.x)} across, {percent(asset.focalPoint.y)} down. Click the image (or focus it and use the arrow keys) to move it.
      </p>
      {message ? <p role="status" className={message.error ? 'error' : 'ok'}>{message.text}</p> : null}
      <h3>Renditions</h3>
      <ul className="rendition-list" aria-label="Renditions">
        {asset.renditions.map((r) => (
          <li key={r.target}>
            <figure>
              <MediaPreview key={r.sha256} assetId={asset.id} target={r.target} alt={`${RENDITION_SPECS[r.target].label} rendition of ${name}`} />
              <figcaption>
                {RENDITION_SPECS[r.target].label} · {r.width}×{r.height}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
      <form
        className="alt-text"
        aria-label="Alt text"
        onSubmit={(event) => {
          event.preventDefault();
          void saveAltText();
        }}
      >
        <label>
          Alt text <span className="muted">(read by screen readers; sent with the post, up to 500 characters)</span>
          <textarea value={altText} maxLength={500} rows={2} onChange={(event) => setAltText(event.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={altText.trim() === asset.altText}>
          Save alt text
        </button>
      </form>
      <button type="button" className="btn btn--remove" onClick={() => void remove()}>
        Delete image
      </button>
    </section>
  );
}
