// The names of tagged products, for the tag list: a tag holds the catalog product's id, which means
// nothing to a person. Looked up once per id with catalog.get and kept for the page's lifetime.
import { useEffect, useState } from 'react';
import { useClient } from '../../apiContext.tsx';

const known = new Map<string, string>();

export function useProductNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const client = useClient();
  const [, setVersion] = useState(0);
  const missing = [...new Set(ids)].filter((id) => !known.has(id)).sort().join('\n');
  useEffect(() => {
    if (missing === '') return;
    let cancelled = false;
    void Promise.all(
      missing.split('\n').map(async (id) => {
        const reply = await client.call('catalog.get', { id });
        // An id the catalog no longer has is shown as it is.
        known.set(id, reply.ok ? `${reply.value.title}${reply.value.sku ? ` (${reply.value.sku})` : ''}` : id);
      }),
    ).then(() => {
      if (!cancelled) setVersion((v) => v + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [client, missing]);
  return known;
}
