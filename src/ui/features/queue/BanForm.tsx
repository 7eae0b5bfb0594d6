// The ban form: duration, reason and message, shaped by what the platform's ban takes (no days
// field where bans are permanent only, no message where none reaches the user). Mounted fresh
// each time it opens, so nothing typed for one author is left for the next. Cancel or Esc close it.
import { useEffect, useRef, useState } from 'react';
import type { ItemDetail } from '../../../api/schemas.ts';

export interface BanDetails {
  readonly durationDays: number | null;
  readonly reason: string;
  readonly message: string;
}

type BanCapability = NonNullable<ItemDetail['capabilities']['ban']>;

interface Props {
  readonly ban: BanCapability;
  readonly author: string | null;
  readonly busy: boolean;
  readonly onSubmit: (details: BanDetails) => void;
  readonly onCancel: () => void;
}

export function BanForm({ ban, author, busy, onSubmit, onCancel }: Props) {
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const temporary = ban.maxDays !== null;
  return (
    <form
      className="ban-form"
      aria-label="Ban author"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = !temporary || days.trim() === '' ? null : Number(days);
        onSubmit({ durationDays: parsed, reason: reason.trim(), message: message.trim() });
      }}
    >
      <p className="muted">Ban {author ?? 'this author'}{temporary ? '' : ' (this platform bans permanently only)'}</p>
      {temporary ? (
        <label>
          Days {ban.permanent ? '(empty = permanent)' : '(required)'}
          <input ref={first} type="number" min={1} max={Math.min(ban.maxDays ?? 999, 999)} required={!ban.permanent} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
      ) : null}
      <label>
        Reason {ban.reasonMaxLength === null ? '(kept in Stoa)' : '(moderators see it)'}
        <input
          ref={temporary ? undefined : first}
          type="text"
          maxLength={Math.min(ban.reasonMaxLength ?? 500, 500)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {ban.messageMaxLength !== null ? (
        <label>
          Message to the user
          <textarea maxLength={Math.min(ban.messageMaxLength, 1000)} value={message} onChange={(e) => setMessage(e.target.value)} />
        </label>
      ) : null}
      <div className="ban-form__buttons">
        <button type="submit" className="btn btn--ban" disabled={busy}>Confirm ban</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel <kbd>Esc</kbd></button>
      </div>
    </form>
  );
}
