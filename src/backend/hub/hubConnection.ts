// The backend's connection to its team hub: one pool per open backend, made on first use from the
// stored (encrypted) join URL and closed with the backend. currentHub() is what every hub feature
// asks first: null when this workspace has not joined a hub.
import type { HubPool } from '../../hub/connect.ts';
import { openHubPool } from '../../hub/connect.ts';
import { getHubLink, hubJoinUrl } from '../../store/hubLink.ts';
import type { BackendContext } from '../context.ts';
import { splitJoinUrl } from './joinUrl.ts';

export interface HubConnection {
  readonly pool: HubPool;
  readonly token: string;
  /** This backend's device id, stamped on the events it pushes. */
  readonly device: string;
  readonly member: { readonly id: string; readonly name: string; readonly role: string };
  readonly workspaceId: string;
}

interface CachedPool {
  readonly databaseUrl: string;
  readonly pool: Promise<HubPool>;
}

const pools = new WeakMap<BackendContext, CachedPool>();

/**
 * The hub this workspace joined, with a connected pool; null when it has joined none. Throws
 * HubError (unreachable, auth_failed, …) when the hub cannot be reached now; the next call tries again.
 */
export async function currentHub(ctx: BackendContext): Promise<HubConnection | null> {
  const link = getHubLink(ctx.db);
  const joinUrl = link ? hubJoinUrl(ctx.db, ctx.cipher) : null;
  if (!link || joinUrl === null) return null;
  const { databaseUrl, token } = splitJoinUrl(joinUrl);
  const pool = await hubPool(ctx, databaseUrl);
  return { pool, token, device: link.device, member: { id: link.memberId, name: link.memberName, role: link.role }, workspaceId: link.workspaceId };
}

/** A pool for this URL, shared by concurrent callers; a failed connect is forgotten so the next call retries. */
export function hubPool(ctx: BackendContext, databaseUrl: string): Promise<HubPool> {
  const cached = pools.get(ctx);
  if (cached && cached.databaseUrl === databaseUrl) return cached.pool;
  if (cached) void cached.pool.then((old) => old.end()).catch(() => undefined);
  const pool = openHubPool(databaseUrl, { max: 3 }).then((opened) => {
    // A connection that drops while checked out (the network went) also emits 'error' on its client;
    // the query in flight already fails with it, so the event must not crash the backend.
    // 'acquire' (not 'connect'): it also covers the first client, made inside openHubPool.
    const guarded = new WeakSet<object>();
    opened.on('acquire', (client) => {
      if (guarded.has(client)) return;
      guarded.add(client);
      client.on('error', () => undefined);
    });
    return opened;
  });
  pools.set(ctx, { databaseUrl, pool });
  pool.catch(() => {
    if (pools.get(ctx)?.pool === pool) pools.delete(ctx);
  });
  return pool;
}

/** Closes the backend's hub pool (on leave and on backend close). */
export async function closeHubConnection(ctx: BackendContext): Promise<void> {
  const cached = pools.get(ctx);
  pools.delete(ctx);
  if (cached) await cached.pool.then((pool) => pool.end()).catch(() => undefined);
}
