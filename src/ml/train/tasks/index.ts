// The trainable tasks by name.
import type { TaskName } from '../../manifest.ts';
import { spamTask } from './spam.ts';
import { sponsorshipTask } from './sponsorship.ts';
import type { TaskSpec } from './taskTypes.ts';
import { toxicityTask } from './toxicity.ts';

export const TASK_SPECS: Readonly<Record<TaskName, TaskSpec>> = { spam: spamTask, toxicity: toxicityTask, sponsorship: sponsorshipTask };
