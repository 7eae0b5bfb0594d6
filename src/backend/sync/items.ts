// `stoa items`: the newest items with their ids and state, for scripting (`stoa act --item <id>`).
import { listItems } from '../../store/items.ts';
import type { BackendContext } from '../context.ts';

export interface CliItem {
  readonly id: string;
  readonly platform: string;
  readonly remoteId: string;
  readonly kind: string;
  readonly state: string;
  readonly author: string | null;
  readonly body: string;
}

export function listItemsForCli(ctx: BackendContext, limit: number): CliItem[] {
  return listItems(ctx.db, { sort: 'newest', limit, cursor: null }).items.map((item) => ({
    id: item.id,
    platform: item.platform,
    remoteId: item.remoteId,
    kind: item.kind,
    state: item.state,
    author: item.author,
    body: item.body,
  }));
}
