// Everything about the person behind the selected item, opened on demand: their other items in
// every community (and on other platforms where a moderator linked the accounts; identities are
// never guessed, and a link can be undone), what was decided on them, how often they were reported, and notes about the
// person. The item list pages on without a cap.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { LinkAuthor, LinkedAccounts } from './LinkAuthor.tsx';
import { PersonNotes } from './PersonNotes.tsx';
import './itemContext.css';

type Profile = NonNullable<OutputOf<'authors.get'>>;
type AuthorItem = OutputOf<'authors.items'>['items'][number];

const PAGE = 50;
const EXCERPT = 160;

/** Rendered for items that have an author; nothing is read until the panel is opened. */
export function AuthorPanel({ itemId }: { itemId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" className="btn btn--small" aria-expanded={open} onClick={() => setOpen(!open)}>
        Author panel
      </button>
      {open ? <OpenAuthorPanel itemId={itemId} /> : null}
    </div>
  );
}

/** Mounted on each opening, so the person is read fresh (they may have posted or been noted since). */
function OpenAuthorPanel({ itemId }: { itemId: string }) {
  const [changes, setChanges] = useState(0);
  const { value: profile, error, loading } = useCall('authors.get', { itemId }, changes);
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!profile) return loading ? <p className="muted" aria-busy="true">Loading…</p> : <p className="muted">No author is known for this item.</p>;
  return <AuthorDetails profile={profile} itemId={itemId} onChanged={() => setChanges((n) => n + 1)} />;
}

function AuthorDetails({ profile, itemId, onChanged }: { profile: Profile; itemId: string; onChanged: () => void }) {
  const decided = Object.entries(profile.decisions).map(([action, n]) => `${action.replace('_', ' ')} ×${n}`);
  return (
    <section className="author-panel" aria-label="Author">
      <h3>
        {profile.author.name} <span className="muted">on {profile.author.platform}</span>
      </h3>
      <LinkedAccounts authorId={profile.author.id} linked={profile.linked} onChanged={onChanged} />
      <p className="author-panel__facts">
        <span>{profile.itemCount.toLocaleString()} {profile.itemCount === 1 ? 'item' : 'items'}</span>
        <span>{profile.reportedItems.toLocaleString()} reported ({profile.reportCount.toLocaleString()} reports)</span>
        <span>Decisions: {decided.length === 0 ? 'none yet' : decided.join(', ')}</span>
      </p>
      <LinkAuthor authorId={profile.author.id} linkedIds={profile.linked.map((a) => a.id)} onLinked={onChanged} />
      <PersonNotes authorId={profile.author.id} itemId={itemId} />
      {/* A new link brings the other account's items in (an undone one takes them out): read the list again. */}
      <AuthorItems key={profile.linked.length} authorId={profile.author.id} currentId={itemId} />
    </section>
  );
}

function AuthorItems({ authorId, currentId }: { authorId: string; currentId: string }) {
  const client = useClient();
  const { value } = useCall('authors.items', { authorId, limit: PAGE });
  const [more, setMore] = useState<{ items: AuthorItem[]; cursor: string | null } | null>(null);
  const items = [...(value?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (value?.nextCursor ?? null);
  const loadMore = async () => {
    if (cursor === null) return;
    const reply = await client.call('authors.items', { authorId, limit: PAGE, cursor });
    if (reply.ok) setMore({ items: [...(more?.items ?? []), ...reply.value.items], cursor: reply.value.nextCursor });
  };
  return (
    <section aria-labelledby="author-items-heading">
      <h3 id="author-items-heading">Their items</h3>
      <ol className="author-items" aria-label="Author's items">
        {items.map((item) => (
          <li key={item.id} aria-current={item.id === currentId ? 'true' : undefined}>
            <span className="muted">
              {item.platform} · {item.community ?? 'no community'} · {new Date(item.createdAt).toLocaleDateString()} · {item.state}
              {item.reportCount > 0 ? ` · ${item.reportCount} reports` : ''}
              {item.lastDecision ? ` · ${item.lastDecision.action.replace('_', ' ')} by ${item.lastDecision.actor}` : ''}
              {item.id === currentId ? ' · this item' : ''}
            </span>
            <div>{item.title ? <strong>{item.title} </strong> : null}{item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body}</div>
          </li>
        ))}
      </ol>
      {cursor !== null ? <button type="button" className="btn btn--small" onClick={() => void loadMore()}>More items</button> : null}
    </section>
  );
}
