// The browser transport keeps one event stream however many components subscribe: a browser
// gives an origin six HTTP/1.1 connections, and a stream per subscriber (the status bar, sync
// controls, the offline banner, the item's outbox status…) used them all, so API calls waited
// forever. Counted on the server: the backend's event hub sees one listener per open stream.
import { afterEach, describe, expect, it } from 'vitest';
import type { StoaEvent } from '../../../src/api/events.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';

const tempDir = useTempDir('stoa-events-');
let open: TestWorkspace | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('http event stream', () => {
  it('shares one stream between subscribers, fans every event out to each, and closes with the last', async () => {
    open = await openTestWorkspace(tempDir(), 'http');
    const { client, backend } = open;
    const before = backend.events.size;
    const heard: StoaEvent[][] = Array.from({ length: 8 }, () => []);
    const stops = heard.map((list) => client.subscribe((event) => list.push(event)));
    // Emit until every subscriber has heard one (the stream needs a moment to connect).
    await expect
      .poll(() => {
        backend.events.emit({ type: 'items.changed', count: 3 });
        return heard.every((list) => list.some((e) => e.type === 'items.changed'));
      })
      .toBe(true);
    expect(backend.events.size - before).toBe(1);

    for (const stop of stops.slice(1)) stop();
    expect((await client.call('system.info', {})).ok).toBe(true);
    stops[0]?.();
    await expect.poll(() => backend.events.size).toBe(before);
  });
});
