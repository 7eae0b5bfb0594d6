// The queue's filter: search text, platform, state and order, as items.list / items.search take them.
import type { InputOf } from '../../../api/endpoints.ts';

export interface QueueFilter {
  readonly query: string;
  readonly platform: InputOf<'items.list'>['platform'];
  readonly state: InputOf<'items.list'>['state'];
  readonly sort: NonNullable<InputOf<'items.list'>['sort']>;
}
