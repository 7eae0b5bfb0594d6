// The verdict buttons for the selected item, with their shortcut keys: only the actions its
// platform has (from the platform's capabilities), the ban form when banning is one of them, and
// Undo for the last decision while it still waits in the outbox.
import type { ItemDetail } from '../../../api/schemas.ts';
import type { ModerationAction } from '../../../core/domain.ts';
import { BanForm, type BanDetails } from './BanForm.tsx';
import { KEY_FOR_ACTION } from './shortcuts.ts';

export type { BanDetails } from './BanForm.tsx';

/** Short accessible names; the visible label may say more. */
export const ACTION_NAMES: Record<ModerationAction, string> = {
  approve: 'Approve',
  remove: 'Remove',
  spam: 'Spam',
  ignore_reports: 'Ignore reports',
  ban: 'Ban',
};

interface Props {
  readonly item: Pick<ItemDetail, 'author' | 'capabilities'>;
  readonly busy: boolean;
  readonly banOpen: boolean;
  readonly onBanOpen: (open: boolean) => void;
  readonly onDecide: (action: ModerationAction, ban?: BanDetails) => void;
  /** Null when there is nothing to undo. */
  readonly onUndo: (() => void) | null;
}

export function DecisionBar({ item, busy, banOpen, onBanOpen, onDecide, onUndo }: Props) {
  const { actions, ban } = item.capabilities;
  const canBan = actions.includes('ban') && ban !== null;
  return (
    <div className="decision-bar">
      <div className="decision-bar__buttons" role="toolbar" aria-label="Decide">
        {actions
          .filter((action) => action !== 'ban')
          .map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn--${action}`}
              disabled={busy}
              onClick={() => onDecide(action)}
              aria-label={ACTION_NAMES[action]}
              aria-keyshortcuts={KEY_FOR_ACTION[action]}
            >
              {ACTION_NAMES[action]} <kbd>{KEY_FOR_ACTION[action]}</kbd>
            </button>
          ))}
        {canBan ? (
          <button type="button" className="btn btn--ban" disabled={busy} aria-label="Ban" aria-expanded={banOpen} onClick={() => onBanOpen(!banOpen)} aria-keyshortcuts="b">
            Ban author… <kbd>b</kbd>
          </button>
        ) : null}
        <button type="button" className="btn" disabled={busy || onUndo === null} aria-label="Undo" aria-keyshortcuts="u" onClick={() => onUndo?.()}>
          Undo <kbd>u</kbd>
        </button>
      </div>
      {banOpen && canBan ? (
        <BanForm ban={ban} author={item.author} busy={busy} onSubmit={(details) => onDecide('ban', details)} onCancel={() => onBanOpen(false)} />
      ) : null}
    </div>
  );
}
