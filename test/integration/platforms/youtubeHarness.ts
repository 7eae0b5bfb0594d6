// Starts the YouTube simulator on 127.0.0.1 (ephemeral port) through the shared sim host, and a
// connector configured exactly as `stoa init --demo` would configure it, sharing one virtual clock.
import type { ConnectorConfig, Credentials } from '../../../src/platforms/platform.ts';
import { createVirtualClock, startSimulators, type RunningSimulators, type VirtualClock } from '../../../src/platforms/sim/index.ts';
import { createYoutubePlatform, createYoutubeSimulator, type YoutubePlatform, type YoutubeSimOptions, type YoutubeSimulator } from '../../../src/platforms/youtube/index.ts';

export interface YoutubeRig {
  readonly sims: RunningSimulators;
  readonly sim: YoutubeSimulator;
  readonly clock: VirtualClock;
  readonly config: ConnectorConfig;
  readonly saved: Credentials[];
  readonly platform: YoutubePlatform;
  /** Requests the simulator received for a path below /youtube, e.g. '/youtube/v3/comments/setModerationStatus'. */
  requests(path: string): { method: string; query: URLSearchParams; body: string; fault: string | null }[];
  close(): Promise<void>;
}

export async function startYoutubeRig(options: YoutubeSimOptions & { start?: string; seed?: number; connectorOptions?: Record<string, string> } = {}): Promise<YoutubeRig> {
  const clock = createVirtualClock(new Date(options.start ?? '2026-11-25T12:00:00.000Z'));
  const sims = await startSimulators({ seed: options.seed ?? 7, clock, simulators: { youtube: (ctx) => createYoutubeSimulator(ctx, options) } });
  const sim = sims.simulator('youtube') as YoutubeSimulator;
  const saved: Credentials[] = [];
  const account = sim.demoAccount();
  const config: ConnectorConfig = {
    baseUrl: `${sims.url}/youtube`,
    credentials: account.credentials,
    credentialStore: {
      save: async (next) => {
        saved.push(next);
      },
    },
    userAgent: 'stoa-tests/0.1 (contract tests)',
    fetch: (input, init) => fetch(input, init),
    clock,
    options: { ...account.options, ...options.connectorOptions },
  };
  return {
    sims,
    sim,
    clock,
    config,
    saved,
    platform: createYoutubePlatform(config),
    requests: (path) =>
      sims
        .requests('youtube')
        .filter((r) => r.path === path)
        .map((r) => ({ method: r.method, query: new URLSearchParams(r.query), body: r.body, fault: r.fault })),
    close: () => sims.close(),
  };
}

/** An ActionRequest for a comment the simulator holds. */
export function targetOf(sim: YoutubeSimulator, id: string) {
  const c = sim.model.comments.get(id);
  if (!c) throw new Error(`no comment ${id}`);
  return { remoteId: id, kind: 'comment' as const, community: { remoteId: c.videoId, name: c.videoId }, author: { remoteId: c.authorChannelId, name: c.authorName }, version: null };
}

export function idsWithStatus(sim: YoutubeSimulator, status: string, topLevelOnly = false): string[] {
  return [...sim.model.comments.values()].filter((c) => !c.deleted && c.status === status && (!topLevelOnly || c.parentId === null)).map((c) => c.id);
}
