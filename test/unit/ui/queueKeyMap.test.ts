// The queue's keyboard map as the buttons and the `?` sheet present it (#9): every verdict key is on
// the sheet, Caps Lock does not turn a verdict off, keys typed into fields or a <select> (arrows
// included) stay there, and browser shortcuts keep working.
import { describe, expect, it } from 'vitest';
import { commandForKey, DECISION_KEYS, KEY_FOR_ACTION, SHORTCUTS, type KeyPress } from '../../../src/ui/features/queue/shortcuts.ts';

const press = (key: string, extra: Partial<KeyPress> = {}) => commandForKey({ key, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...extra });

describe('queue keyboard map', () => {
  it('lists each verdict key on the shortcut sheet next to what it does', () => {
    for (const [key, action] of Object.entries(DECISION_KEYS)) {
      const row = SHORTCUTS.find((s) => s.keys === key);
      expect(row, key).toBeDefined();
      expect(row?.what.toLowerCase()).toContain(action === 'ignore_reports' ? 'ignore reports' : action);
      expect(KEY_FOR_ACTION[action]).toBe(key);
    }
  });

  it('decides with a verdict key whether or not Caps Lock is on', () => {
    for (const [key, action] of Object.entries(DECISION_KEYS)) expect(press(key.toUpperCase())).toEqual({ type: 'decide', action });
  });

  it('leaves keys in fields and selects alone, arrows too, and lets modified keys through to the browser', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'r', 'x', '1']) expect(press(key, { inField: true })).toBeNull();
    for (const key of ['j', 'k', 'a', 'r', 's', 'i', 'b', '/', '?']) {
      expect(press(key, { ctrlKey: true })).toBeNull();
      expect(press(key, { altKey: true })).toBeNull();
    }
  });

  it('gives digits and Enter no meaning in the list itself (they belong to the reason picker)', () => {
    for (const key of ['1', '5', '9', 'Enter']) expect(press(key)).toBeNull();
  });
});
