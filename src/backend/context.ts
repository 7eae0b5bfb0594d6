// What every handler module gets: the open database, the clock, who is acting, where things live.
import type { Database } from 'better-sqlite3';
import type { EventHub } from '../api/events.ts';
import type { Actor } from '../store/accounts.ts';
import type { Clock } from '../store/clock.ts';
import type { SecretCipher } from '../store/secrets.ts';

export type Host = 'electron' | 'server' | 'in-process';

export interface BackendContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly who: Actor;
  readonly events: EventHub;
  readonly host: Host;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly modelsDir: string;
  readonly resourcesDir: string;
  readonly cipher: SecretCipher;
}
