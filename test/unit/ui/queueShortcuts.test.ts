import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS, type KeyPress } from '../../../src/ui/features/queue/shortcuts.ts';

const press = (key: string, extra: Partial<KeyPress> = {}) => commandForKey({ key, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...extra });

describe('queue keyboard map', () => {
  it('moves, decides, undoes, searches, lists shortcuts and closes', () => {
    expect(press('j')).toEqual({ type: 'move', step: 1 });
    expect(press('ArrowDown')).toEqual({ type: 'move', step: 1 });
    expect(press('k')).toEqual({ type: 'move', step: -1 });
    expect(press('ArrowUp')).toEqual({ type: 'move', step: -1 });
    expect(press('a')).toEqual({ type: 'decide', action: 'approve' });
    expect(press('b')).toEqual({ type: 'decide', action: 'ban' });
    expect(press('u')).toEqual({ type: 'undo' });
    expect(press('/')).toEqual({ type: 'search' });
    expect(press('n')).toEqual({ type: 'note' });
    expect(press('?')).toEqual({ type: 'help' });
    expect(press('Escape')).toEqual({ type: 'close' });
    expect(press('q')).toBeNull();
  });

  it('lets typing and browser shortcuts through, but Escape always closes', () => {
    for (const key of ['j', 'k', 'u', 'n', '/', '?', 'a']) expect(press(key, { inField: true })).toBeNull();
    expect(press('u', { ctrlKey: true })).toBeNull();
    expect(press('k', { metaKey: true })).toBeNull();
    expect(press('Escape', { inField: true })).toEqual({ type: 'close' });
  });

  it('lists every key it handles in the shortcut sheet', () => {
    const listed = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const key of ['j', 'k', 'a', 'r', 's', 'i', 'b', 'u', 'n', '/', '?', 'Esc']) expect(listed).toContain(key);
  });
});
