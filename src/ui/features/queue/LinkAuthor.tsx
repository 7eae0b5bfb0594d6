// "Same person elsewhere": a moderator names the person's account on another platform (or an
// alternate account) and links it after seeing the exact matches. Stoa never links by itself:
// equal names on two platforms are often two people — and a link made in error can be undone.
import { useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { PLATFORMS, type PlatformName } from '../../../core/domain.ts';
import { useClient } from '../../apiContext.tsx';

type Author = OutputOf<'authors.find'>[number];

export function LinkAuthor({ authorId, linkedIds, onLinked }: { authorId: string; linkedIds: readonly string[]; onLinked: () => void }) {
  const client = useClient();
  const [platform, setPlatform] = useState<PlatformName>('youtube');
  const [name, setName] = useState('');
  const [found, setFound] = useState<Author[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await client.call('authors.find', { platform, name });
    setProblem(reply.ok ? null : reply.error.message);
    setFound(reply.ok ? reply.value.filter((a) => a.id !== authorId && !linkedIds.includes(a.id)) : null);
  };

  const link = async (other: Author) => {
    const reply = await client.call('authors.link', { authorId, otherAuthorId: other.id });
    if (!reply.ok) {
      setProblem(reply.error.message);
      return;
    }
    setProblem(null);
    setFound(null);
    setName('');
    onLinked();
  };

  return (
    <form className="person-note-form" aria-label="Link another account" onSubmit={(e) => void find(e)}>
      <div className="person-note-form__row">
        <span className="muted">Same person as</span>
        <select aria-label="Platform of the other account" value={platform} onChange={(e) => setPlatform(e.target.value as PlatformName)}>
          {PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <input aria-label="Account name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="exact account name" />
        <button type="submit" className="btn btn--small" disabled={name.trim() === ''}>Find</button>
      </div>
      {found !== null && found.length === 0 ? <p className="muted">No other account of that name on {platform}.</p> : null}
      {found && found.length > 0 ? (
        <ul className="author-items" aria-label="Accounts found">
          {found.map((a) => (
            <li key={a.id}>
              {a.name} on {a.platform} <span className="muted">({a.remoteId})</span>{' '}
              <button type="button" className="btn btn--small" onClick={() => void link(a)}>Link as same person</button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </form>
  );
}

/** The accounts a moderator linked to this person, each with Unlink (the two are two people after all). */
export function LinkedAccounts({ authorId, linked, onChanged }: { authorId: string; linked: readonly Author[]; onChanged: () => void }) {
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  if (linked.length === 0) return null;

  const unlink = async (other: Author) => {
    const reply = await client.call('authors.unlink', { authorId, otherAuthorId: other.id });
    setProblem(reply.ok ? null : reply.error.message);
    if (reply.ok) onChanged();
  };

  return (
    <div className="linked-accounts">
      <span className="muted">Same person, linked by a moderator:</span>
      <ul className="linked-accounts__list" aria-label="Linked accounts">
        {linked.map((a) => (
          <li key={a.id}>
            {a.name} on {a.platform}{' '}
            <button type="button" className="btn btn--small" aria-label={`Unlink ${a.name} on ${a.platform}`} onClick={() => void unlink(a)}>Unlink</button>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </div>
  );
}
