// Notes about the person (not one item), labelled like Reddit's mod notes, optionally expiring:
// "spam warning, counts for 30 days", "solid contributor". Expired and removed notes are kept in
// the record; expired ones are shown faded, removed ones only on request.
import { useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { expiryAfterDays, PERSON_NOTE_LABEL_NAMES, PERSON_NOTE_LABELS, POSITIVE_LABELS, type PersonNoteLabel } from '../../../core/personNotes.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';

type Note = OutputOf<'personNotes.list'>['notes'][number];

const EXPIRY_CHOICES: readonly { readonly days: number | null; readonly text: string }[] = [
  { days: null, text: 'Never' },
  { days: 7, text: 'In 7 days' },
  { days: 30, text: 'In 30 days' },
  { days: 90, text: 'In 90 days' },
  { days: 365, text: 'In a year' },
];

const labelClass = (label: PersonNoteLabel): string =>
  `note-label ${label === 'note' ? 'note-label--note' : POSITIVE_LABELS.has(label) ? 'note-label--positive' : ''}`;

export function PersonNotes({ authorId, itemId }: { authorId: string; itemId: string }) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const [more, setMore] = useState<{ notes: Note[]; cursor: string | null } | null>(null);
  const { value } = useCall('personNotes.list', { authorId, limit: 50 }, version);
  const [label, setLabel] = useState<PersonNoteLabel>('note');
  const [body, setBody] = useState('');
  const [days, setDays] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const notes = [...(value?.notes ?? []), ...(more?.notes ?? [])];
  const cursor = more ? more.cursor : (value?.nextCursor ?? null);

  const reload = () => {
    setMore(null);
    setVersion((v) => v + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await client.call('personNotes.add', { authorId, itemId, label, body, expiresAt: expiryAfterDays(days, new Date()) });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setProblem(null);
    setBody('');
    setLabel('note');
    setDays(null);
    reload();
  };

  const remove = async (id: string) => {
    const reply = await client.call('personNotes.remove', { id });
    setProblem(reply.ok ? null : reply.error.message);
    reload();
  };

  const loadMore = async () => {
    if (cursor === null) return;
    const reply = await client.call('personNotes.list', { authorId, limit: 50, cursor });
    if (reply.ok) setMore({ notes: [...(more?.notes ?? []), ...reply.value.notes], cursor: reply.value.nextCursor });
  };

  return (
    <section aria-labelledby="person-notes-heading">
      <h3 id="person-notes-heading">Notes about this person</h3>
      {notes.length === 0 ? <p className="muted">No notes about this person.</p> : (
        <ol className="person-notes" aria-label="Person notes">
          {notes.map((n) => (
            <li key={n.id} className={n.active ? '' : 'is-inactive'}>
              <span className={labelClass(n.label)}>{PERSON_NOTE_LABEL_NAMES[n.label]}</span> {n.body}{' '}
              <span className="muted">
                — {n.actor} · {new Date(n.createdAt).toLocaleDateString()}
                {n.expiresAt ? ` · ${n.active ? 'expires' : 'expired'} ${new Date(n.expiresAt).toLocaleDateString()}` : ''}
              </span>{' '}
              <button type="button" className="btn btn--small" aria-label={`Remove note: ${PERSON_NOTE_LABEL_NAMES[n.label]}`} onClick={() => void remove(n.id)}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      {cursor !== null ? <button type="button" className="btn btn--small" onClick={() => void loadMore()}>More notes</button> : null}
      <form className="person-note-form" aria-label="Add a person note" onSubmit={(e) => void submit(e)}>
        <div className="person-note-form__row">
          <label>
            Label{' '}
            <select value={label} onChange={(e) => setLabel(e.target.value as PersonNoteLabel)}>
              {PERSON_NOTE_LABELS.map((l) => <option key={l} value={l}>{PERSON_NOTE_LABEL_NAMES[l]}</option>)}
            </select>
          </label>
          <label>
            Expires{' '}
            <select value={days === null ? '' : String(days)} onChange={(e) => setDays(e.target.value === '' ? null : Number(e.target.value))}>
              {EXPIRY_CHOICES.map((c) => <option key={c.text} value={c.days === null ? '' : String(c.days)}>{c.text}</option>)}
            </select>
          </label>
        </div>
        <textarea aria-label="Person note" value={body} maxLength={2000} onChange={(e) => setBody(e.target.value)} placeholder="What the next moderator should know about this person" />
        {problem ? <p role="alert" className="error">{problem}</p> : null}
        <button type="submit" className="btn btn--small" disabled={label === 'note' && body.trim() === ''}>Add person note</button>
      </form>
    </section>
  );
}
