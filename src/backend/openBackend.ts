// openBackend(): the one composition of store, models and handlers that every host (Electron,
// the browser-mode server, the CLI, tests) puts behind dispatch().
import type { Handlers } from '../api/dispatch.ts';
import { EventHub } from '../api/events.ts';
import { systemClock, type Clock } from '../store/clock.ts';
import { newId } from '../store/ids.ts';
import { attachAuditAnchor, flushAuditAnchor } from '../store/auditAnchor.ts';
import { openDatabase, StoreOpenError } from '../store/open.ts';
import { keyFileCipher, storedSecretsExist, type SecretCipher } from '../store/secrets.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { userInfo } from 'node:os';
import { auditHandlers } from './auditHandlers.ts';
import { withExpectedFailures } from './expectedFailures.ts';
import type { BackendContext, Host } from './context.ts';
import { StoaUserError } from './errors.ts';
import { itemHandlers } from './itemHandlers.ts';
import { mediaHandlers } from './mediaHandlers.ts';
import { catalogHandlers } from './catalogHandlers.ts';
import { complianceHandlers } from './complianceHandlers.ts';
import { checkProblem, postHandlers, savedPostReader } from './postHandlers.ts';
import { PostScheduler, type PostSchedulerOptions } from './postScheduler.ts';
import { postSchedulerHandlers } from './postSchedulerHandlers.ts';
import { rightsHandlers } from './rightsHandlers.ts';
import { pinterestHandlers } from './pinterestHandlers.ts';
import { mediaHostHandlers } from './mediaHostHandlers.ts';
import { authorHandlers } from './authorHandlers.ts';
import { accountHandlers } from './accountHandlers.ts';
import { queueHandlers } from './queueHandlers.ts';
import { SyncService, type SyncServiceOptions } from './sync/index.ts';
import { syncHandlers } from './syncHandlers.ts';
import { createScoringService, type ScoringService } from './scoringService.ts';
import { closeComplianceModels } from './complianceModels.ts';
import { auditAnchorFilesIn, databaseFileIn, defaultModelsDir, defaultResourcesDir, keyFileIn } from './paths.ts';
import { systemHandlers } from './systemHandlers.ts';
import { profileActor } from '../store/profiles.ts';
import { moderatorHandlers } from './moderatorHandlers.ts';
import { reasonHandlers } from './reasonHandlers.ts';
import { whatIfHandlers } from './whatIfHandlers.ts';
import { auditLogHandlers } from './auditLogHandlers.ts';
import { hubHandlers } from './hubHandlers.ts';
import { closeHubConnection } from './hub/hubConnection.ts';
import { HubSync, type HubSyncOptions } from './hub/hubSync.ts';
import { hubSendGate } from './hub/sendGate.ts';

export type { SecretCipher } from '../store/secrets.ts';
export { SecretUnavailableError } from '../store/secrets.ts';

export interface BackendConfig {
  readonly dataDir: string;
  readonly host: Host;
  readonly clock?: Clock;
  readonly modelsDir?: string;
  readonly resourcesDir?: string;
  /** Electron passes a safeStorage-backed cipher; elsewhere a key file in the data dir is used. */
  readonly cipher?: SecretCipher;
  readonly actor?: string;
  /** Path to a better-sqlite3 binary for Electron's ABI (set by `npm start` in development). */
  readonly sqliteBinding?: string;
  /** Injected network for the sync engine (tests cut it to simulate being offline). */
  readonly sync?: SyncServiceOptions;
  /** The post scheduler's timers and thresholds (tests inject timers that follow their clock). */
  readonly scheduler?: PostSchedulerOptions;
  /** The team hub sync's interval and batch sizes (tests turn the timer off and drive it). */
  readonly hub?: HubSyncOptions;
}

export interface Backend {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly context: BackendContext;
  readonly scoring: ScoringService;
  readonly sync: SyncService;
  readonly scheduler: PostScheduler;
  readonly hub: HubSync;
  close(): Promise<void>;
}

export function openBackend(config: BackendConfig): Backend {
  const databaseFile = databaseFileIn(config.dataDir);
  let db;
  try {
    db = openDatabase(databaseFile, config.sqliteBinding ? { nativeBinding: config.sqliteBinding } : {});
  } catch (error) {
    if (error instanceof StoreOpenError) throw new StoaUserError(error.message);
    throw error;
  }
  attachAuditAnchor(db, auditAnchorFilesIn(config.dataDir));
  const deviceId = getSetting<string>(db, 'device_id') ?? newId();
  setSetting(db, 'device_id', deviceId);

  const context: BackendContext = {
    db,
    clock: config.clock ?? systemClock,
    // The active moderator profile (Settings) is stamped on every write; the OS user until one exists.
    who: config.actor ? { actor: config.actor, deviceId } : profileActor(db, safeUserName(), deviceId),
    events: new EventHub(),
    host: config.host,
    dataDir: config.dataDir,
    databaseFile,
    modelsDir: config.modelsDir ?? defaultModelsDir(),
    resourcesDir: config.resourcesDir ?? defaultResourcesDir(),
    cipher: config.cipher ?? keyFileCipher(keyFileIn(config.dataDir), { secretsExist: () => storedSecretsExist(db) }),
  };
  const scoring = createScoringService(context);
  // Linked to a team hub, a decision is sent only by the desk holding its send right.
  const sync = new SyncService(context, { sendGate: hubSendGate(context), ...config.sync });
  const hubSync = new HubSync(context, config.hub ?? {});
  // The engine's progress, outbox and account events reach every UI (items.changed and
  // connectivity it already sends to the hub itself).
  const stopForwarding = sync.subscribe((event) => {
    if (event.type !== 'items.changed' && event.type !== 'connectivity') context.events.emit(event);
    // New or changed items from a pull are scored automatically, whoever started the sync.
    if (event.type === 'items.changed') scoring.schedule();
    // Team events waiting for an item or author this pull may have brought get another try.
    if (event.type === 'items.changed') hubSync.retryParked();
  });
  // A publish queued by the scheduler (or "publish now" on a missed post) goes out at once, not at the next background sync.
  const sendQueued = () => {
    if (!sync.isManuallyOffline()) void sync.syncNow().catch(() => undefined);
  };
  const reader = savedPostReader(context);
  const check = (id: string) => {
    const reason = checkProblem(reader.check(id));
    return { ok: reason === null, reason };
  };
  const scheduler = new PostScheduler({ ctx: context, check, sendQueued }, config.scheduler);
  const handlers = {
    ...systemHandlers(context),
    ...itemHandlers(context),
    ...queueHandlers(sync, context),
    ...accountHandlers(context, sync),
    ...syncHandlers(sync, scoring),
    ...auditHandlers(context),
    ...mediaHandlers(context),
    ...catalogHandlers(context),
    ...complianceHandlers(context),
    ...postHandlers(context),
    ...postSchedulerHandlers(context, scheduler, sendQueued),
    ...rightsHandlers(context),
    ...pinterestHandlers(context),
    ...mediaHostHandlers(context),
    ...authorHandlers(context),
    ...moderatorHandlers(context),
    ...reasonHandlers(sync, context),
    ...whatIfHandlers(context),
    ...auditLogHandlers(context),
    ...hubHandlers(context, hubSync),
  } satisfies Handlers;
  // sync.run also syncs with the team hub when this workspace joined one (the hub's outcome shows in hub.status).
  const platformRun = handlers['sync.run'];
  const withHub = {
    ...handlers,
    'sync.run': async (input: Parameters<typeof platformRun>[0]) => {
      const summary = await platformRun(input);
      await hubSync.syncNow();
      return summary;
    },
  } satisfies Handlers;
  // Times that passed while the app was not running become missed (asked about), then the timer runs.
  scheduler.start();
  hubSync.start();

  return {
    handlers: withExpectedFailures(withHub),
    events: context.events,
    context,
    scoring,
    sync,
    scheduler,
    hub: hubSync,
    close: async () => {
      scheduler.close();
      await hubSync.close();
      await closeHubConnection(context);
      stopForwarding();
      sync.stopBackground();
      await scoring.close();
      await closeComplianceModels(context);
      flushAuditAnchor(db);
      db.close();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local-user';
  }
}
