// What only a pin has, shown when the post targets Pinterest: the board it goes to (the connected
// account's boards, read online; the choice is stored with the post through posts.board.set, and a
// choice made before the first autosave is stored once the post exists), the pin title and the
// destination link — by default the first tagged product's catalog link, said so — each with its
// live counter against the Pinterest limit profile (title, description, link).
import { useEffect, useRef, useState } from 'react';
import { countUnits, PINTEREST_PIN } from '../../../core/postLimits.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import type { PinLink } from './pinterestLink.ts';

interface Props {
  readonly postId: string | null;
  readonly title: string | null;
  readonly link: string | null;
  readonly caption: string;
  readonly pinLink: PinLink;
  readonly onChange: (change: { title?: string | null; link?: string | null }) => void;
}

const P = PINTEREST_PIN;
const count = (text: string) => countUnits(text, P.captionUnit);

function Counter({ name, value, max }: { name: string; value: number; max: number }) {
  return (
    <span className={value > max ? 'over' : ''} data-counter={name}>
      {value}/{max}
    </span>
  );
}

export function PinterestPinFields({ postId, title, link, caption, pinLink, onChange }: Props) {
  const client = useClient();
  const boards = useCall('pinterest.boards', {});
  const [boardId, setBoardId] = useState<string | null>(null);
  const [boardStatus, setBoardStatus] = useState('');
  // A board picked before the post was first saved, stored as soon as it has an id.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (!postId) return;
    let cancelled = false;
    const wanted = pending.current;
    pending.current = null;
    const reply = wanted !== null ? client.call('posts.board.set', { id: postId, boardId: wanted }) : client.call('posts.board.get', { id: postId });
    void reply.then((r) => {
      if (cancelled) return;
      if (r.ok) setBoardId(r.value.boardId);
      else setBoardStatus(r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [client, postId]);

  const chooseBoard = (value: string) => {
    const chosen = value === '' ? null : value;
    setBoardId(chosen);
    setBoardStatus('');
    if (!postId) {
      pending.current = chosen;
      return;
    }
    void client.call('posts.board.set', { id: postId, boardId: chosen }).then((r) => {
      if (r.ok) setBoardId(r.value.boardId);
      else setBoardStatus(r.error.message);
    });
  };

  const listed = boards.value;
  const defaultName = listed?.boards.find((b) => b.id === listed.defaultBoardId)?.name ?? null;
  const titleMax = P.titleMax?.value ?? 100;
  const linkMax = P.linkMax?.value ?? 2048;
  return (
    <fieldset className="pinterest-pin-fields" aria-label="Pinterest pin">
      <legend>Pinterest pin</legend>
      <label>
        Board{' '}
        <select aria-label="Pinterest board" value={boardId ?? ''} disabled={!listed} onChange={(e) => chooseBoard(e.target.value)}>
          <option value="">{defaultName ? `Account default (${defaultName})` : 'Account default'}</option>
          {(listed?.boards ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      {boards.error ? (
        <p className="error" role="alert">
          Boards: {boards.error.message}
        </p>
      ) : null}
      {boardStatus ? <p className="error">{boardStatus}</p> : null}
      <label>
        Pin title <input aria-label="Pin title" value={title ?? ''} onChange={(e) => onChange({ title: e.target.value === '' ? null : e.target.value })} />{' '}
        <Counter name="title" value={count(title ?? '')} max={titleMax} />
      </label>
      <label>
        Destination link{' '}
        <input aria-label="Pin link" type="url" value={link ?? ''} placeholder={pinLink.fromProduct && pinLink.url ? pinLink.url : 'https://…'} onChange={(e) => onChange({ link: e.target.value === '' ? null : e.target.value })} />{' '}
        {/* The link limit is checked in UTF-16 units (postValidation.ts). */}
        <Counter name="link" value={(link ?? '').length} max={linkMax} />
      </label>
      <p className="muted" data-testid="pin-link-source">
        {pinLink.url === null ? 'No link: type one, or tag a product that has a catalog link.' : pinLink.fromProduct ? `Links to ${pinLink.url} (the first tagged product’s catalog link).` : `Links to ${pinLink.url}.`}
      </p>
      <p className="composer-counters">
        Description (the caption) <Counter name="description" value={count(caption)} max={P.captionMax.value} /> characters
      </p>
    </fieldset>
  );
}
