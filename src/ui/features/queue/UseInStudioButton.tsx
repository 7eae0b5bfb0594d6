// "Use in Studio" on a queue item: starts a draft post crediting the item's author (a review is
// quoted, a photo imported into the media library) with a rights request to the author, and opens
// the composer on it in a dialog over the queue. Drafts made from the item before are listed with
// their rights status, to open again. If the item's image could not be imported, the dialog says
// why (the draft is made without it).
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { ComposerPanel } from '../studio/ComposerPanel.tsx';
import './useInStudio.css';

interface Open {
  readonly postId: string;
  readonly imageRefused: string | null;
}

export function UseInStudioButton({ itemId, author }: { itemId: string; author: string | null }) {
  const client = useClient();
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [made, setMade] = useState(0);
  const { value: earlier } = useCall('rights.list', { itemId, limit: 20 }, made);

  async function use() {
    setBusy(true);
    setError('');
    const reply = await client.call('studio.useItem', { itemId });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setOpen({ postId: reply.value.postId, imageRefused: reply.value.imageRefused });
    setMade((n) => n + 1);
  }

  const close = () => {
    setOpen(null);
    // The rights status may have changed in the dialog.
    setMade((n) => n + 1);
  };

  // While the dialog is open the queue's page-wide shortcuts (a, r, s…) must not act on the item
  // underneath: keys aimed outside the dialog (focus fell back to the page) stop here, Esc closes it,
  // and keys inside it stop at the dialog (onKeyDown below) once the composer has had them.
  const dialogRef = useRef<HTMLDivElement>(null);
  const isOpen = open !== null;
  useEffect(() => {
    if (!isOpen) return;
    const guard = (e: KeyboardEvent) => {
      if (dialogRef.current?.contains(e.target as Node)) return;
      e.stopPropagation();
      if (e.key === 'Escape') {
        setOpen(null);
        setMade((n) => n + 1);
      }
    };
    window.addEventListener('keydown', guard, true);
    return () => window.removeEventListener('keydown', guard, true);
  }, [isOpen]);

  return (
    <div className="use-in-studio">
      <button type="button" className="btn" disabled={busy || author === null} title={author === null ? 'No known author to credit or ask' : undefined} onClick={() => void use()}>
        Use in Studio
      </button>
      {earlier && earlier.requests.length > 0 ? (
        <ul className="use-in-studio__earlier" aria-label="Drafts from this item">
          {earlier.requests.map((r) => (
            <li key={r.id}>
              <button type="button" className="btn btn--link" onClick={() => setOpen({ postId: r.postId, imageRefused: null })}>
                Open draft of {new Date(r.createdAt).toLocaleString()}
              </button>{' '}
              <span className={`rights-status rights-status--${r.status}`}>rights {r.status}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {open ? (
        <div ref={dialogRef} role="dialog" aria-modal="true" aria-label="Studio composer" className="use-in-studio__dialog" onKeyDown={(e) => e.stopPropagation()}>
          <header className="use-in-studio__head">
            <h2>Draft from @{author}</h2>
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
          </header>
          {open.imageRefused ? <p role="alert">The item&apos;s image was not imported: {open.imageRefused}</p> : null}
          <ComposerPanel key={open.postId} postId={open.postId} />
        </div>
      ) : null}
    </div>
  );
}
