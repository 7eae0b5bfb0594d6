// Moderators' notes on the selected item: read what the last person left, add one for the next.
// Notes stay on this machine (and in the audit log); they never go to the platform.
import { useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';

type Note = OutputOf<'items.addNote'>;

export function ItemNotes({ itemId, notes, onAdded }: { itemId: string; notes: readonly Note[]; onAdded: () => void }) {
  const client = useClient();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await client.call('items.addNote', { itemId, body });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setProblem(null);
    setBody('');
    onAdded();
  };
  return (
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      {notes.length === 0 ? <p className="muted">No notes.</p> : (
        <ol className="note-list">{notes.map((n) => <li key={n.id}>{n.body} <span className="muted">— {n.actor} · {new Date(n.createdAt).toLocaleString()}</span></li>)}</ol>
      )}
      <form className="note-form" aria-label="Add a note" onSubmit={(e) => void submit(e)}>
        <textarea aria-label="Note" value={body} maxLength={2000} onChange={(e) => setBody(e.target.value)} placeholder="For the next moderator: context, warnings given, what the brand said…" />
        {problem ? <p role="alert" className="error">{problem}</p> : null}
        <button type="submit" className="btn btn--small" disabled={body.trim() === ''}>Add note</button>
      </form>
    </section>
  );
}
