// Near-identical texts: other items with the same words apart from numbers, links and @names —
// one template varied to slip past exact matching. Listed by who posted them where, paged.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import './itemContext.css';

type Similar = OutputOf<'items.similar'>['items'][number];
const PAGE = 50;
const EXCERPT = 120;

export function SimilarTexts({ itemId }: { itemId: string }) {
  const client = useClient();
  const { value } = useCall('items.similar', { id: itemId, limit: PAGE });
  const [more, setMore] = useState<{ items: Similar[]; cursor: string | null } | null>(null);
  if (!value || value.near === 0) return null;
  const items = [...value.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : value.nextCursor;
  const loadMore = async () => {
    if (cursor === null) return;
    const reply = await client.call('items.similar', { id: itemId, limit: PAGE, cursor });
    if (reply.ok) setMore({ items: [...(more?.items ?? []), ...reply.value.items], cursor: reply.value.nextCursor });
  };
  const nearOnly = value.near - value.identical;
  return (
    <details className="similar-texts">
      <summary>
        {value.near} similar {value.near === 1 ? 'text' : 'texts'}: {value.identical} identical, {nearOnly} the same apart from numbers, links and @names
      </summary>
      <ol className="author-items" aria-label="Similar texts">
        {items.map((item) => (
          <li key={item.id}>
            <span className="muted">
              {item.identical ? 'identical' : 'near-identical'} · {item.platform} · {item.community ?? 'no community'} · {item.author ?? 'unknown author'} · {item.state}
            </span>
            <div>{item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body}</div>
          </li>
        ))}
      </ol>
      {cursor !== null ? <button type="button" className="btn btn--small" onClick={() => void loadMore()}>More similar texts</button> : null}
    </details>
  );
}
