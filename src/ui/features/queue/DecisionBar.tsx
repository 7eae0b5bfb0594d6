// The verdict buttons for the selected item, with their shortcut keys, and the ban form
// (duration, reason, message) that a ban needs before it is recorded.
import { useState } from 'react';
import type { ModerationAction } from '../../../core/domain.ts';
import { KEY_FOR_ACTION } from './shortcuts.ts';

export interface BanDetails {
  readonly durationDays: number | null;
  readonly reason: string;
  readonly message: string;
}

const LABELS: Record<Exclude<ModerationAction, 'ban'>, string> = {
  approve: 'Approve',
  remove: 'Remove',
  spam: 'Spam',
  ignore_reports: 'Ignore reports',
};

interface Props {
  readonly busy: boolean;
  readonly banOpen: boolean;
  readonly onBanOpen: (open: boolean) => void;
  readonly onDecide: (action: ModerationAction, ban?: BanDetails) => void;
}

export function DecisionBar({ busy, banOpen, onBanOpen, onDecide }: Props) {
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  return (
    <div className="decision-bar">
      <div className="decision-bar__buttons" role="toolbar" aria-label="Decide">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((action) => (
          <button key={action} type="button" className={`btn btn--${action}`} disabled={busy} onClick={() => onDecide(action)} aria-keyshortcuts={KEY_FOR_ACTION[action]}>
            {LABELS[action]} <kbd>{KEY_FOR_ACTION[action]}</kbd>
          </button>
        ))}
        <button type="button" className="btn btn--ban" disabled={busy} aria-expanded={banOpen} onClick={() => onBanOpen(!banOpen)} aria-keyshortcuts="b">
          Ban author… <kbd>b</kbd>
        </button>
      </div>
      {banOpen ? (
        <form
          className="ban-form"
          aria-label="Ban author"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = days.trim() === '' ? null : Number(days);
            onDecide('ban', { durationDays: parsed, reason: reason.trim(), message: message.trim() });
          }}
        >
          <label>
            Days (empty = permanent)
            <input type="number" min={1} max={999} value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <label>
            Reason (moderators see it)
            <input type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label>
            Message to the user
            <textarea maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--ban" disabled={busy}>Ban</button>
        </form>
      ) : null}
    </div>
  );
}
