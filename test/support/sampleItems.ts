// Small, readable item fixtures for store and contract tests.
import type { ItemInput } from '../../src/store/items.ts';

export function sampleItem(n: number, overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    platform: 'youtube',
    remoteId: `c${n}`,
    kind: 'comment',
    author: { remoteId: `a${n % 3}`, name: `Author ${n % 3}` },
    community: { remoteId: 'v1', name: 'Launch video' },
    body: `comment number ${n} about the new blush palette`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    raw: { id: `c${n}` },
    ...overrides,
  };
}
