// Single-key shortcuts for triage, the way moderators work in Toolbox and Discourse: one hand on
// the keys, never the mouse. Pure so it can be tested and listed in the UI (buttons and the `?`
// sheet read the same table).
import type { ModerationAction } from '../../../core/domain.ts';

export const DECISION_KEYS: Readonly<Record<string, ModerationAction>> = {
  a: 'approve',
  r: 'remove',
  s: 'spam',
  i: 'ignore_reports',
  b: 'ban',
};

export const KEY_FOR_ACTION: Readonly<Record<ModerationAction, string>> = Object.fromEntries(
  Object.entries(DECISION_KEYS).map(([key, action]) => [action, key]),
) as Record<ModerationAction, string>;

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The key went to a text field, select or editable element. */
  readonly inField: boolean;
}

/** The action a key press asks for; modified keys and typing in fields never count. */
export function actionForKey(event: KeyPress): ModerationAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.inField) return null;
  return DECISION_KEYS[event.key.toLowerCase()] ?? null;
}

export type QueueCommand =
  | { readonly type: 'decide'; readonly action: ModerationAction }
  | { readonly type: 'move'; readonly step: 1 | -1 }
  | { readonly type: 'undo' }
  | { readonly type: 'search' }
  | { readonly type: 'note' }
  | { readonly type: 'help' }
  | { readonly type: 'close' };

/** Every shortcut with what it does, in the order the `?` sheet lists them. */
export const SHORTCUTS: readonly { readonly keys: string; readonly what: string }[] = [
  { keys: 'j / ↓', what: 'Next item' },
  { keys: 'k / ↑', what: 'Previous item' },
  { keys: 'a', what: 'Approve' },
  { keys: 'r', what: 'Remove' },
  { keys: 's', what: 'Spam' },
  { keys: 'i', what: 'Ignore reports' },
  { keys: 'b', what: 'Ban the author (opens the form)' },
  { keys: 'u', what: 'Undo the last decision while it waits in the outbox' },
  { keys: 'm', what: 'Remove with a reason or macro (opens the picker)' },
  { keys: '1–9, Enter', what: 'In the picker: choose a reason, then send it' },
  { keys: 'x', what: 'Select the item for a bulk action (shift+x: the range from the last one)' },
  { keys: 'n', what: 'Write a note on the item (Esc goes back to the list)' },
  { keys: '/', what: 'Search' },
  { keys: '?', what: 'This list of shortcuts' },
  { keys: 'Esc', what: 'Close what is open (ban form, this list), or leave the search box' },
];

/**
 * What a key press means in the queue. Escape works everywhere (it leaves a field too); the other
 * keys only outside fields and without Ctrl/Cmd/Alt, so typing and browser shortcuts keep working.
 */
export function commandForKey(event: KeyPress): QueueCommand | null {
  if (event.key === 'Escape') return { type: 'close' };
  if (event.ctrlKey || event.metaKey || event.altKey || event.inField) return null;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', step: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', step: -1 };
    case 'u':
      return { type: 'undo' };
    case '/':
      return { type: 'search' };
    case 'n':
      return { type: 'note' };
    case '?':
      return { type: 'help' };
  }
  const action = actionForKey(event);
  return action ? { type: 'decide', action } : null;
}
