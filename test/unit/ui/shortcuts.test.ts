import { describe, expect, it } from 'vitest';
import { actionForKey, KEY_FOR_ACTION } from '../../../src/ui/features/queue/shortcuts.ts';

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean }> = {}) =>
  actionForKey({ key, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...extra });

describe('triage shortcuts', () => {
  it('maps single keys to verdicts, case-insensitively', () => {
    expect(press('a')).toBe('approve');
    expect(press('R')).toBe('remove');
    expect(press('s')).toBe('spam');
    expect(press('i')).toBe('ignore_reports');
    expect(press('b')).toBe('ban');
    expect(press('x')).toBeNull();
  });

  it('never fires while typing or with modifiers (Ctrl+R must still reload, typing "a" must type)', () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('a', { metaKey: true })).toBeNull();
    expect(press('s', { inField: true })).toBeNull();
  });

  it('has one key per action', () => {
    expect(new Set(Object.values(KEY_FOR_ACTION)).size).toBe(Object.keys(KEY_FOR_ACTION).length);
  });
});
