// For a comment, the post or comment it answers: from the stored items when that parent was
// synced too, otherwise its id and the comment's own address, where the thread shows it.
import { useCall } from '../../hooks/useCall.ts';

const EXCERPT = 280;
const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

export function ThreadParent({ itemId }: { itemId: string }) {
  const { value } = useCall('items.parent', { id: itemId });
  if (!value || value.parentRemoteId === null) return null;
  const { parent } = value;
  return (
    <section className="thread-parent" aria-label="In reply to">
      <span className="muted">In reply to {parent ? `${parent.kind} by ${parent.author ?? 'unknown author'}` : value.parentRemoteId}</span>
      {parent ? (
        <>
          {parent.title ? <p className="thread-parent__title">{parent.title}</p> : null}
          <p>{excerpt(parent.body)}</p>
          {parent.url ? <a href={parent.url} target="_blank" rel="noreferrer noopener">Open parent on platform</a> : null}
        </>
      ) : (
        <p>
          The parent ({value.parentRemoteId}) is not synced.{' '}
          {value.itemUrl ? <a href={value.itemUrl} target="_blank" rel="noreferrer noopener">See the thread on the platform</a> : null}
        </p>
      )}
    </section>
  );
}
