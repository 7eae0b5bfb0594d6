// The kept queue filter at its edges (#9: filters survive leaving the page): every platform, state
// and order comes back as saved, an overlong query is cut, missing fields take their defaults, and
// storage that refuses writes (private mode, full) neither throws nor keeps a broken filter.
import { describe, expect, it } from 'vitest';
import { ITEM_STATES, PLATFORMS } from '../../../src/core/domain.ts';
import { QUEUE_SORTS } from '../../../src/core/queueSort.ts';
import { DEFAULT_FILTER, filterKey, loadFilter, saveFilter, type KeyValueStore } from '../../../src/ui/features/queue/queueFilterStore.ts';

const memory = (): KeyValueStore & { readonly map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
};

describe('kept queue filter', () => {
  it('gives back every platform, state and order exactly as saved', () => {
    const storage = memory();
    for (const platform of PLATFORMS) {
      for (const state of ITEM_STATES) {
        for (const sort of QUEUE_SORTS) {
          const filter = { query: `${platform} ${state}`, platform, state, sort };
          saveFilter(storage, 'w', filter);
          expect(loadFilter(storage, 'w')).toEqual(filter);
        }
      }
    }
  });

  it('cuts an overlong query and fills missing or mistyped fields with the defaults', () => {
    const storage = memory();
    storage.setItem(filterKey('w'), JSON.stringify({ query: 'x'.repeat(2000) }));
    expect(loadFilter(storage, 'w')).toEqual({ ...DEFAULT_FILTER, query: 'x'.repeat(500) });
    storage.setItem(filterKey('w'), JSON.stringify({ query: 42, platform: ['reddit'], state: null, sort: 7 }));
    expect(loadFilter(storage, 'w')).toEqual(DEFAULT_FILTER);
    for (const stored of ['null', '"reddit"', '17']) {
      storage.setItem(filterKey('w'), stored);
      expect(loadFilter(storage, 'w')).toEqual(DEFAULT_FILTER);
    }
  });

  it('keeps working when storage refuses to save', () => {
    const refusing: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveFilter(refusing, 'w', { ...DEFAULT_FILTER, query: 'spam' })).not.toThrow();
    expect(loadFilter(refusing, 'w')).toEqual(DEFAULT_FILTER);
  });
});
