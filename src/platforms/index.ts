// Registry of connectors by platform name: the only place that maps a name to code. Everything
// else receives a `Platform` and reads its capabilities. Each platform folder exports one
// `PlatformFactory`; add it to FACTORIES below.
import type { PlatformName } from '../core/domain.ts';
import type { ConnectionProfile, ConnectorConfig, Platform, PlatformCapabilities, PlatformFactory } from './platform.ts';
import { createInstagramPlatform, INSTAGRAM_CONNECTION, instagramCapabilities } from './instagram/index.ts';
import { createDiscoursePlatform, DISCOURSE_CAPABILITIES, DISCOURSE_CONNECTION } from './discourse/index.ts';
import { createRedditPlatform, REDDIT_CAPABILITIES, REDDIT_CONNECTION } from './reddit/index.ts';
import { createYoutubePlatform, YOUTUBE_CONNECTION, youtubeCapabilities } from './youtube/index.ts';
import { createPinterestPlatform, PINTEREST_CONNECTION, pinterestCapabilities } from './pinterest/index.ts';

export type * from './platform.ts';
export { actionReflected, isRemoteState, QUEUE_KINDS, REMOTE_STATES } from './platform.ts';

const FACTORIES: Partial<Record<PlatformName, PlatformFactory>> = {
  reddit: createRedditPlatform,
  discourse: createDiscoursePlatform,
  youtube: createYoutubePlatform,
  instagram: createInstagramPlatform,
  pinterest: createPinterestPlatform,
};

const CONNECTIONS: Partial<Record<PlatformName, ConnectionProfile>> = {
  reddit: REDDIT_CONNECTION,
  discourse: DISCOURSE_CONNECTION,
  youtube: YOUTUBE_CONNECTION,
  instagram: INSTAGRAM_CONNECTION,
  pinterest: PINTEREST_CONNECTION,
};

// What each platform can do, known without an account (the queue offers only these actions).
const CAPABILITIES: Partial<Record<PlatformName, PlatformCapabilities>> = {
  reddit: REDDIT_CAPABILITIES,
  discourse: DISCOURSE_CAPABILITIES,
  youtube: youtubeCapabilities(),
  instagram: instagramCapabilities,
  pinterest: pinterestCapabilities,
};

/** The platform's capabilities as its connector declares them; null for a platform without one. */
export function platformCapabilities(name: PlatformName): PlatformCapabilities | null {
  return CAPABILITIES[name] ?? null;
}

export function connectionProfile(name: PlatformName): ConnectionProfile | null {
  return CONNECTIONS[name] ?? null;
}

/** How to connect an account of each supported platform (defaults, sign-in kinds, settings). */
export function connectionProfiles(): { platform: PlatformName; profile: ConnectionProfile }[] {
  return supportedPlatforms().flatMap((platform) => {
    const profile = CONNECTIONS[platform];
    return profile ? [{ platform, profile }] : [];
  });
}

export function supportedPlatforms(): PlatformName[] {
  return (Object.keys(FACTORIES) as PlatformName[]).sort();
}

export function isSupportedPlatform(name: string): name is PlatformName {
  return Object.hasOwn(FACTORIES, name);
}

/** Throws for a platform without a connector: callers check `isSupportedPlatform` first (a bug otherwise). */
export function createPlatform(name: PlatformName, config: ConnectorConfig): Platform {
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`no connector for platform "${name}"`);
  return factory(config);
}
