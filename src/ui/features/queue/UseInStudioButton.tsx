// "Use in Studio" on a queue item: starts a draft post crediting the item's author (a review is
// quoted, a photo imported into the media library) with a rights request to the author, and opens
// the composer on it in a dialog over the queue. If the item's image could not be imported, the
// dialog says why (the draft is made without it).
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { ComposerPanel } from '../studio/ComposerPanel.tsx';
import './useInStudio.css';

type Used = OutputOf<'studio.useItem'>;

export function UseInStudioButton({ itemId, author }: { itemId: string; author: string | null }) {
  const client = useClient();
  const [used, setUsed] = useState<Used | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function use() {
    setBusy(true);
    setError('');
    const reply = await client.call('studio.useItem', { itemId });
    setBusy(false);
    if (reply.ok) setUsed(reply.value);
    else setError(reply.error.message);
  }

  return (
    <div className="use-in-studio">
      <button type="button" className="btn" disabled={busy || author === null} title={author === null ? 'No known author to credit or ask' : undefined} onClick={() => void use()}>
        Use in Studio
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {used ? (
        <div role="dialog" aria-modal="true" aria-label="Studio composer" className="use-in-studio__dialog">
          <header className="use-in-studio__head">
            <h2>Draft from @{author}</h2>
            <button type="button" className="btn" onClick={() => setUsed(null)}>
              Close
            </button>
          </header>
          {used.imageRefused ? <p role="alert">The item&apos;s image was not imported: {used.imageRefused}</p> : null}
          <ComposerPanel postId={used.postId} />
        </div>
      ) : null}
    </div>
  );
}
