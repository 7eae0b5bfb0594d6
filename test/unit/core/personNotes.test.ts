// Person-note rules: labels, text, and expiry (future, within ten years, or never).
import { describe, expect, it } from 'vitest';
import { expiryAfterDays, MAX_EXPIRY_DAYS, PERSON_NOTE_LABELS, personNoteActive, personNoteProblem } from '../../../src/core/personNotes.ts';

const now = new Date('2026-11-25T12:00:00.000Z');
const day = 86_400_000;

describe('person note rules', () => {
  it("offers Reddit's mod-note labels and a plain note", () => {
    expect(PERSON_NOTE_LABELS).toEqual(['note', 'abuse_warning', 'spam_warning', 'spam_watch', 'ban', 'perma_ban', 'bot_ban', 'helpful', 'solid_contributor']);
  });

  it('accepts a label alone, but a plain note needs text', () => {
    expect(personNoteProblem({ label: 'bot_ban', body: '', expiresAt: null }, now)).toBeNull();
    expect(personNoteProblem({ label: 'note', body: '   ', expiresAt: null }, now)).toBe('A note without a label needs some text.');
    expect(personNoteProblem({ label: 'note', body: 'asked about the giveaway twice', expiresAt: null }, now)).toBeNull();
  });

  it('refuses an unknown label and an overlong text with a sentence', () => {
    expect(personNoteProblem({ label: 'troll', body: 'x', expiresAt: null }, now)).toMatch(/^"troll" is not a note label; use one of note, abuse_warning/);
    expect(personNoteProblem({ label: 'note', body: 'x'.repeat(2001), expiresAt: null }, now)).toBe('A note is at most 2000 characters (this one has 2001).');
  });

  it('takes an expiry in the future and within ten years only', () => {
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: at(30 * day) }, now)).toBeNull();
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: at(0) }, now)).toBe('The expiry must be in the future.');
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: at(-day) }, now)).toBe('The expiry must be in the future.');
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: at(MAX_EXPIRY_DAYS * day) }, now)).toBeNull();
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: at(MAX_EXPIRY_DAYS * day + 1) }, now)).toBe('The expiry must be within 3650 days.');
    expect(personNoteProblem({ label: 'spam_warning', body: '', expiresAt: 'next week' }, now)).toBe('The expiry "next week" is not a date.');
  });

  it('counts a note until it expires or is removed', () => {
    const expiresAt = expiryAfterDays(30, now);
    expect(expiresAt).toBe('2026-12-25T12:00:00.000Z');
    expect(expiryAfterDays(null, now)).toBeNull();
    expect(personNoteActive({ expiresAt, removedAt: null }, now)).toBe(true);
    expect(personNoteActive({ expiresAt, removedAt: null }, new Date(now.getTime() + 30 * day))).toBe(false);
    expect(personNoteActive({ expiresAt: null, removedAt: null }, new Date('2099-01-01T00:00:00Z'))).toBe(true);
    expect(personNoteActive({ expiresAt: null, removedAt: now.toISOString() }, now)).toBe(false);
  });
});
