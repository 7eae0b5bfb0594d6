// Where a pin links to: the post's own link, else the first tagged product's catalog link — the
// same rule the publisher applies (src/sync/publishPinterest.ts linkOf), so what the composer
// shows as the default is what the pin will carry. Product links are read with catalog.get.
import { useEffect, useState } from 'react';
import { useClient } from '../../apiContext.tsx';

export interface PinLink {
  /** The link the pin will carry; null when neither the post nor a tagged product has one. */
  readonly url: string | null;
  /** Whether it is the tagged product's catalog link (nothing was typed). */
  readonly fromProduct: boolean;
}

/** The catalog link of the first tagged product that has one (in tag order), or null. */
export function useFirstProductLink(productIds: readonly string[]): string | null {
  const client = useClient();
  const [link, setLink] = useState<string | null>(null);
  const key = [...new Set(productIds)].join('\n');
  useEffect(() => {
    if (key === '') {
      setLink(null);
      return;
    }
    let cancelled = false;
    void Promise.all(key.split('\n').map((id) => client.call('catalog.get', { id }))).then((replies) => {
      if (cancelled) return;
      const found = replies.map((r) => (r.ok ? r.value.link : null)).find((l): l is string => typeof l === 'string' && l.trim() !== '');
      setLink(found ?? null);
    });
    return () => {
      cancelled = true;
    };
  }, [client, key]);
  return link;
}

export function pinLink(link: string | null, productLink: string | null): PinLink {
  if (link !== null && link.trim() !== '') return { url: link.trim(), fromProduct: false };
  return { url: productLink, fromProduct: productLink !== null };
}

/** The host a pin shows under its image ("shop.example.com"), or the text itself when it is no URL. */
export function linkDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
