// Shared by the desk suites: real workspaces (openBackend in temp folders) joined to one throwaway
// hub, with the same platform items "synced" into each (upsertItems, as a platform pull stores them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type StoaClient } from '../../../src/api/client.ts';
import type { ApiReply } from '../../../src/api/errors.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { openBackend, type Backend } from '../../../src/backend/openBackend.ts';
import type { HubPool } from '../../../src/hub/connect.ts';
import type { HubRole } from '../../../src/core/hubRoles.ts';
import { addMember } from '../../../src/hub/members.ts';
import { upsertItems, type ItemInput } from '../../../src/store/items.ts';
import { systemClock } from '../../../src/store/clock.ts';
import { prepared } from '../../../src/store/statements.ts';

export interface Desk {
  readonly backend: Backend;
  readonly client: StoaClient;
  readonly dataDir: string;
  close(): Promise<void>;
}

export function openDesk(name: string, dataDir = mkdtempSync(join(tmpdir(), `stoa-desk-${name}-`))): Desk {
  const backend = openBackend({ dataDir, host: 'in-process', actor: name, hub: { intervalMs: 0 } });
  const client = createClient(inProcessTransport(backend.handlers, backend.events));
  return { backend, client, dataDir, close: () => backend.close() };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `postgres://user@host/db?stoa_token=…`: what a member pastes to join. */
export const joinUrl = (databaseUrl: string, token: string): string => `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}stoa_token=${encodeURIComponent(token)}`;

export async function newMemberToken(pool: HubPool, ownerToken: string, name: string, role: HubRole): Promise<string> {
  const added = await addMember(pool, ownerToken, { name, role });
  if (!added.ok) throw new Error(added.error.message);
  return added.value.token;
}

export const sharedItem = (n: number, author = `author-${n}`): ItemInput => ({
  platform: 'reddit',
  remoteId: `t1_shared${n}`,
  kind: 'comment',
  community: { remoteId: 't5_brand', name: 'r/brand' },
  author: { remoteId: author, name: `u/${author}` },
  body: `Shared comment ${n}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  raw: { n },
});

/** Stores the items as a platform pull would. */
export function syncItems(backend: Backend, items: readonly ItemInput[]): void {
  upsertItems(backend.context.db, items, systemClock);
}

export const localItemId = (backend: Backend, remoteId: string): string =>
  prepared(backend.context.db, "SELECT id FROM items WHERE platform = 'reddit' AND remote_id = ?").pluck().get(remoteId) as string;

export const localAuthorId = (backend: Backend, remoteId: string): string =>
  prepared(backend.context.db, "SELECT id FROM authors WHERE platform = 'reddit' AND remote_id = ?").pluck().get(remoteId) as string;

export async function value<T>(reply: Promise<ApiReply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
