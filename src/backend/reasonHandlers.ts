// reasons.* and the queue's one-step and bulk decisions: a removal reason or macro expands
// (core/removalTemplates.ts) into decisions that go through the same decide-and-queue path as a
// single key press — each its own decision and outbox entry with its own idempotency key — and a
// macro's note is also kept as a local note on the item. Bulk answers every item on its own.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import type { ModerationAction } from '../core/domain.ts';
import { expandMacro, TEMPLATE_PLACEHOLDERS, unknownPlaceholders, type MacroStep } from '../core/removalTemplates.ts';
import { platformCapabilities } from '../platforms/index.ts';
import { addNote } from '../store/notes.ts';
import { communityList, deleteTemplate, getTemplate, itemLabel, listTemplates, openItemsByAuthorOf, saveTemplate, templateItem } from '../store/removalTemplates.ts';
import type { BackendContext } from './context.ts';
import type { SyncService } from './sync/index.ts';

interface ItemResult {
  itemId: string;
  status: 'queued' | 'refused';
  reason: string | null;
  label: string | null;
  steps: { action: ModerationAction; decisionId: string; queued: boolean }[];
}

/** Each item's request id is derived from the caller's, so a retried bulk call decides nothing twice. */
const stepRequestId = (requestId: string | undefined, itemId: string, action: ModerationAction): string | null => (requestId ? `${requestId}:${itemId}:${action}` : null);

function stepsFor(ctx: BackendContext, itemId: string, templateId: string | undefined, action: ModerationAction, reason: string | undefined): MacroStep[] | string {
  const item = templateItem(ctx.db, itemId);
  if (!item) return `There is no item with id ${itemId}.`;
  const capabilities = platformCapabilities(item.platform as Parameters<typeof platformCapabilities>[0]);
  if (templateId === undefined) {
    if (capabilities && !capabilities.actions.includes(action)) return `${item.platform} has no ${action} action.`;
    return [{ action, reason: reason ?? '', params: reason && action === 'remove' ? { reason } : {} }];
  }
  const template = getTemplate(ctx.db, templateId);
  if (!template) return `There is no removal reason with id ${templateId}.`;
  if (template.communityId !== null && template.communityId !== item.communityId) return `The reason "${template.title}" belongs to another community.`;
  if (capabilities && !capabilities.actions.includes('remove')) return `${item.platform} has no remove action.`;
  const canBan = capabilities ? capabilities.actions.includes('ban') : false;
  return expandMacro(template, item, canBan, capabilities?.ban?.reasonMaxLength ?? null);
}

/** Decides the steps without announcing them; `written` counts the decisions that are new (not replays). */
function applySteps(sync: SyncService, ctx: BackendContext, itemId: string, steps: MacroStep[], requestId: string | undefined): ItemResult & { written: number } {
  let written = 0;
  const done: ItemResult['steps'] = [];
  const problems: string[] = [];
  for (const step of steps) {
    const decided = sync.decide({ itemId, action: step.action, reason: step.reason || null, params: step.params, requestId: stepRequestId(requestId, itemId, step.action) }, { announce: false });
    if (!decided.ok) {
      // The removal failed: nothing else is tried for this item. A later step (the ban) failing
      // leaves the removal standing and says why.
      problems.push(decided.error.message);
      if (done.length === 0) break;
      continue;
    }
    if (!decided.value.replayed) written += 1;
    done.push({ action: step.action, decisionId: decided.value.decision.id, queued: decided.value.outbox !== null });
    const note = step.params.note;
    if (step.action === 'remove' && note && !decided.value.replayed) addNote(ctx.db, itemId, note, ctx.who, ctx.clock);
  }
  const label = itemLabel(ctx.db, itemId);
  if (done.length === 0) return { itemId, status: 'refused', reason: problems[0] ?? 'nothing to do', label, steps: [], written };
  return { itemId, status: 'queued', reason: problems.length > 0 ? problems.join(' ') : null, label, steps: done, written };
}

const changedItems = (results: readonly (ItemResult & { written?: number })[]): number => results.filter((result) => (result.written ?? 0) > 0).length;
const plain = (results: readonly ItemResult[]): ItemResult[] => results.map(({ itemId, status, reason, label, steps }) => ({ itemId, status, reason, label, steps }));

/** One items.changed for a whole macro or bulk call (each decision used to send its own, and every UI reloaded the queue each time). */
function announce(ctx: BackendContext, changed: number): void {
  if (changed > 0) ctx.events.emit({ type: 'items.changed', count: changed });
}

export function reasonHandlers(sync: SyncService, ctx: BackendContext): Pick<Handlers, 'reasons.list' | 'reasons.save' | 'reasons.delete' | 'reasons.communities' | 'queue.applyTemplate' | 'queue.bulk'> {
  /** Items changed by the quiet batches of bulk runs still going, by request id. */
  const quietRuns = new Map<string, number>();
  return {
    'reasons.list': ({ itemId }) => {
      if (itemId === undefined) return listTemplates(ctx.db, undefined);
      const item = templateItem(ctx.db, itemId) ?? fail('not_found', `There is no item with id ${itemId}.`);
      return listTemplates(ctx.db, item.communityId);
    },
    'reasons.save': (input) => {
      if (input.communityId !== null && !communityList(ctx.db).some((community) => community.id === input.communityId)) {
        return fail('invalid_input', 'That community is not in this workspace; choose one from the list or "every community".');
      }
      const typos = unknownPlaceholders([input.reason, input.message ?? '', input.note ?? ''].join(' '));
      if (typos.length > 0) {
        return fail('invalid_input', `Stoa cannot fill ${typos.map((t) => `{${t}}`).join(', ')}; the placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
      }
      const saved = saveTemplate(ctx.db, input, ctx.who, ctx.clock);
      return saved ?? fail('not_found', `There is no removal reason with id ${input.id ?? ''}.`);
    },
    'reasons.delete': ({ id }) => ({ deleted: deleteTemplate(ctx.db, id, ctx.who, ctx.clock) }),
    'reasons.communities': () => communityList(ctx.db),
    'queue.applyTemplate': ({ itemId, templateId, requestId }) => {
      const steps = stepsFor(ctx, itemId, templateId, 'remove', undefined);
      if (typeof steps === 'string') return fail(steps.startsWith('There is no') ? 'not_found' : 'invalid_input', steps);
      const result = applySteps(sync, ctx, itemId, steps, requestId);
      announce(ctx, changedItems([result]));
      const [shown] = plain([result]);
      return shown ?? fail('internal', 'The macro gave no result.');
    },
    'queue.bulk': ({ itemIds, authorOf, action, templateId, reason, requestId, announce: tell }) => {
      const ids = [...new Set([...itemIds, ...(authorOf ? openItemsByAuthorOf(ctx.db, authorOf) : [])])];
      if (ids.length === 0) return fail('invalid_input', authorOf ? `There is no item with id ${authorOf}.` : 'Select at least one item.');
      const results = ids.map((itemId) => {
        const steps = stepsFor(ctx, itemId, templateId, action, reason);
        if (typeof steps === 'string') return { itemId, status: 'refused' as const, reason: steps, label: itemLabel(ctx.db, itemId), steps: [] };
        return applySteps(sync, ctx, itemId, steps, requestId);
      });
      // A batch of a longer run (announce: false) leaves the one event to the run's last batch,
      // which also counts the items its quiet batches changed (kept per request id until then).
      const key = requestId ?? '';
      const changed = changedItems(results) + (quietRuns.get(key) ?? 0);
      if (tell || !requestId) {
        quietRuns.delete(key);
        announce(ctx, changed);
      } else quietRuns.set(key, changed);
      return { results: plain(results) };
    },
  };
}
