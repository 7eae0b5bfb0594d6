// Test harness for connector-vs-simulator contract tests: real HTTP on 127.0.0.1, a manual
// virtual clock, a credential store that records what it was asked to persist and when, and a
// fetch that notes every request (with the credentials persisted at that moment) so tests can
// prove "rotated token persisted before the next call".
import { createPlatform } from '../../../src/platforms/index.ts';
import type { ConnectorConfig, Credentials, FetchFn, Platform } from '../../../src/platforms/platform.ts';
import { createVirtualClock, startSimulators, type RunningSimulators, type SimulatorFactory, type VirtualClock } from '../../../src/platforms/sim/index.ts';
import type { PlatformName } from '../../../src/core/domain.ts';

export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  /** Refresh token the store held when this request left. */
  readonly persistedRefreshToken: string | null;
}

export interface Harness {
  readonly sim: RunningSimulators;
  readonly clock: VirtualClock;
  readonly platform: Platform;
  readonly saved: Credentials[];
  readonly sent: SentRequest[];
  /** Make the next `save` calls reject. */
  failSaves(count: number): void;
  connect(overrides?: Partial<ConnectorConfig>): Platform;
  close(): Promise<void>;
}

const refreshTokenOf = (credentials: Credentials | undefined): string | null => (credentials?.kind === 'oauth2' ? credentials.refreshToken : null);

export async function startHarness(name: PlatformName, factory: SimulatorFactory, seed: number | string = 42, faultRate = 0): Promise<Harness> {
  const clock = createVirtualClock();
  const sim = await startSimulators({ seed, faultRate, clock, simulators: { [name]: factory } });
  const account = sim.accounts()[name];
  if (!account) throw new Error(`simulator ${name} did not start`);
  const saved: Credentials[] = [];
  const sent: SentRequest[] = [];
  let failures = 0;
  const recordingFetch: FetchFn = async (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? init.body : '',
      persistedRefreshToken: refreshTokenOf(saved.at(-1)) ?? refreshTokenOf(account.credentials),
    });
    return fetch(input, init);
  };
  const connect = (overrides: Partial<ConnectorConfig> = {}): Platform =>
    createPlatform(name, {
      baseUrl: account.baseUrl,
      credentials: account.credentials,
      credentialStore: {
        save: async (next) => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('disk full');
          }
          saved.push(next);
        },
      },
      userAgent: 'desktop:stoa-tests:0.1 (by /u/stoa_sim_mod)',
      fetch: recordingFetch,
      clock,
      options: account.options,
      ...overrides,
    });
  return {
    sim,
    clock,
    platform: connect(),
    saved,
    sent,
    failSaves: (count) => {
      failures = count;
    },
    connect,
    close: () => sim.close(),
  };
}
