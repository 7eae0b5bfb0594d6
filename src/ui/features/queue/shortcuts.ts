// Single-key shortcuts for triage, the way moderators work in Toolbox and Discourse: one hand on
// the keys, never the mouse. Pure so it can be tested and listed in the UI.
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

/** The action a key press asks for; modified keys and typing in fields never count. */
export function actionForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean }): ModerationAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.inField) return null;
  return DECISION_KEYS[event.key.toLowerCase()] ?? null;
}
