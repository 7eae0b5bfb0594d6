import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterKey, loadFilter, saveFilter } from '../../../src/ui/features/queue/queueFilterStore.ts';

class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

describe('queue filters kept per workspace', () => {
  it('gives back what was saved for the same workspace only', () => {
    const storage = new MemoryStorage();
    const filter = { query: '#ad', platform: 'instagram', state: 'open', sort: 'oldest' } as const;
    saveFilter(storage, '/data/a', filter);
    expect(loadFilter(storage, '/data/a')).toEqual(filter);
    expect(loadFilter(storage, '/data/b')).toEqual(DEFAULT_FILTER);
  });

  it('drops what it cannot trust: broken JSON, unknown platforms, states or orders', () => {
    const storage = new MemoryStorage();
    storage.setItem(filterKey('w'), '{not json');
    expect(loadFilter(storage, 'w')).toEqual(DEFAULT_FILTER);
    storage.setItem(filterKey('w'), JSON.stringify({ query: 'spam', platform: 'myspace', state: 'burnt', sort: 'random' }));
    expect(loadFilter(storage, 'w')).toEqual({ ...DEFAULT_FILTER, query: 'spam' });
  });
});
