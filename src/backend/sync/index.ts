// The sync backend: what hosts (API handlers, the CLI) call. See service.ts for the long-lived
// service, accounts.ts for account management, demo.ts for `stoa init --demo`.
export { SyncService, OFFLINE_SETTING, type SyncServiceOptions, type SyncStatus, type ConflictChoice } from './service.ts';
export { addWorkspaceAccount, listWorkspaceAccounts, removeWorkspaceAccount, testWorkspaceAccount, type AccountView, type AddAccountInput, type AccountProblem } from './accounts.ts';
export { credentialsSchema, parseAccountSecret } from './accountSecret.ts';
export { connectionProfiles } from '../../platforms/index.ts';
export { initDemoAccounts } from './demo.ts';
export { workspaceStats, type WorkspaceStats } from './stats.ts';
export { listItemsForCli, type CliItem } from './items.ts';
export type { SyncSummary, PushSummary, PullSummary } from '../../sync/engine.ts';
export type { SyncEvent } from '../../sync/events.ts';
export type { WaitingActions } from '../../sync/waiting.ts';
export type { Decided, DecideInput } from '../../sync/decide.ts';
export { startSimulators, type RunningSimulators } from './simulators.ts';
export { MODERATION_ACTIONS, type ModerationAction } from '../../core/domain.ts';
