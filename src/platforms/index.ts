// Registry of connectors by platform name: the only place that maps a name to code. Everything
// else receives a `Platform` and reads its capabilities. Each platform folder exports one
// `PlatformFactory`; add it to FACTORIES below.
import type { PlatformName } from '../core/domain.ts';
import type { ConnectorConfig, Platform, PlatformFactory } from './platform.ts';
import { createInstagramPlatform } from './instagram/index.ts';
import { createDiscoursePlatform } from './discourse/index.ts';
import { createRedditPlatform } from './reddit/index.ts';
import { createYoutubePlatform } from './youtube/index.ts';

export type * from './platform.ts';
export { actionReflected, QUEUE_KINDS } from './platform.ts';

const FACTORIES: Partial<Record<PlatformName, PlatformFactory>> = {
  reddit: createRedditPlatform,
  discourse: createDiscoursePlatform,
  youtube: createYoutubePlatform,
  instagram: createInstagramPlatform,
};

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
