// The studio's media library: import images with a file input, pick one from the thumbnail grid,
// then set its focal point, check its renditions, write its alt text or delete it in the editor beside it.
import { useState, type ChangeEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { MediaEditor } from './MediaEditor.tsx';
import { MediaPreview } from './MediaPreview.tsx';
import { importFile } from './mediaUpload.ts';
import './media.css';

type Asset = OutputOf<'media.get'>;

interface ImportLine {
  readonly name: string;
  readonly text: string;
  readonly error: boolean;
}

export function MediaPanel() {
  const client = useClient();
  const [refreshKey, setRefreshKey] = useState(0);
  const { value: library, error } = useCall('media.list', { limit: 200 }, refreshKey);
  const [selected, setSelected] = useState<Asset | null>(null);
  const [lines, setLines] = useState<ImportLine[]>([]);
  const [importing, setImporting] = useState(false);
  const [keepMetadata, setKeepMetadata] = useState(false);

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setImporting(true);
    const results: ImportLine[] = [];
    let last: Asset | null = null;
    for (const file of files) {
      const reply = await importFile(client, file, keepMetadata);
      if (reply.ok) {
        last = reply.value.asset;
        results.push({ name: file.name, text: reply.value.duplicate ? `${file.name}: already in the library` : `${file.name}: imported`, error: false });
      } else {
        results.push({ name: file.name, text: reply.error.message, error: true });
      }
      setLines([...results]);
    }
    setImporting(false);
    if (last) setSelected(last);
    setRefreshKey((n) => n + 1);
  }

  const replace = (asset: Asset) => {
    setSelected(asset);
    setRefreshKey((n) => n + 1);
  };
  const deleted = (name: string) => {
    setSelected(null);
    setLines([{ name, text: `${name}: deleted`, error: false }]);
    setRefreshKey((n) => n + 1);
  };

  return (
    <div className="media-panel">
      <div className="media-library">
        <label className="btn media-import">
          {importing ? 'Importing…' : 'Import images'}
          <input type="file" accept="image/jpeg,image/png,image/webp,.heic,.heif" multiple disabled={importing} onChange={(event) => void onFiles(event)} />
        </label>
        <label className="keep-metadata">
          <input type="checkbox" checked={keepMetadata} onChange={(event) => setKeepMetadata(event.target.checked)} /> Keep location and camera
          metadata (stores the exact file)
        </label>
        <p className="muted">
          JPEG, PNG or WebP up to 50 MB and 100 megapixels. {keepMetadata ? 'Metadata is kept as it is, location included.' : 'Location and camera details are removed; the colour profile is kept.'}
        </p>
        {lines.length > 0 ? (
          <ul className="import-results" aria-label="Import results">
            {lines.map((line, i) => (
              <li key={i} className={line.error ? 'error' : 'ok'}>
                {line.text}
              </li>
            ))}
          </ul>
        ) : null}
        {error ? <p role="alert">{error.message}</p> : null}
        {library && library.assets.length === 0 ? <p className="muted">No images yet.</p> : null}
        <ul className="media-grid" aria-label="Media library">
          {library?.assets.map((asset) => (
            <li key={asset.id}>
              <button type="button" aria-pressed={selected?.id === asset.id} aria-label={asset.originalName} onClick={() => setSelected(asset)}>
                <MediaPreview key={asset.sha256} assetId={asset.id} alt="" />
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selected ? <MediaEditor key={selected.id} asset={selected} onChange={replace} onDeleted={deleted} /> : null}
    </div>
  );
}
