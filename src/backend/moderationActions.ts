// The moderation actions, for hosts that need the list before anything else is loaded (the CLI's
// option parser runs at start, when importing the sync backend would cost most of a second).
export { MODERATION_ACTIONS, type ModerationAction } from '../core/domain.ts';
