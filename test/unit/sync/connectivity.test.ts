import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isConnectFailure, trackConnectivity } from '../../../src/sync/connectivity.ts';

describe('connectivity', () => {
  it('tells a refused connection (offline) from a connection dropped mid-request (ambiguous)', async () => {
    const server = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const tracked = trackConnectivity((input, init) => fetch(input, init));
    await expect(tracked.fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(tracked.unreachable()).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(tracked.fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(tracked.unreachable()).toBe(true);
    tracked.reset();
    expect(tracked.unreachable()).toBe(false);
  });

  it('looks through causes and aggregate errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isConnectFailure(new TypeError('fetch failed', { cause: new AggregateError([refused]) }))).toBe(true);
    expect(isConnectFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }))).toBe(false);
    expect(isConnectFailure('ECONNREFUSED')).toBe(false);
  });
});
