// Triage by keyboard alone (#9 "Done means"), in real Chromium against the browser-mode server and
// a demo workspace synced from the simulators. After the page loads nothing is clicked: `j` opens
// the first item, each item gets a key its platform offers (read from the verdict buttons, which
// come from capabilities), the queue moves on to the next item after each decision, one decision
// is undone with `u` while still in the outbox, and Sync is pressed with Enter. Then every one of
// the 20 decisions is in the simulators' write log (GET /__sim/state), applied, as the platform's
// own action, and the undone one is not there at all.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationAction } from '../../../src/core/domain.ts';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let app: AppPage;
let queue: QueuePage;

interface SimWrite {
  readonly target: string;
  readonly action: string;
  readonly applied: boolean;
}
interface SimState {
  readonly platforms: Record<string, { readonly items: Record<string, number>; readonly writes: readonly SimWrite[] }>;
}

const simState = async (): Promise<SimState> => (await fetch(`${server.demo.simulators.url}/__sim/state`)).json() as Promise<SimState>;
const db = () => server.demo.backend.context.db;

const DECISIONS = 20;
/** Which decision (0-based, in key order) is undone before it can be sent. */
const UNDONE_AT = 7;
/** The verdict buttons' names, with the key and action each stands for. */
const VERDICTS: readonly { name: string; key: string; action: ModerationAction }[] = [
  { name: 'Approve', key: 'a', action: 'approve' },
  { name: 'Remove', key: 'r', action: 'remove' },
  { name: 'Spam', key: 's', action: 'spam' },
  { name: 'Ignore reports', key: 'i', action: 'ignore_reports' },
];

/** The platform's own name for a decision in its simulator's write log (as the connectors send it). */
function wireAction(platform: string, action: ModerationAction): RegExp {
  switch (platform) {
    case 'reddit':
      return new RegExp(`^${action}$`);
    case 'youtube':
      return action === 'approve' ? /^setModerationStatus:published/ : /^setModerationStatus:rejected/;
    case 'instagram':
      return { approve: /^unhide$/, remove: /^hide$/, spam: /^delete$/ }[action as 'approve' | 'remove' | 'spam'] ?? /^$/;
    case 'discourse':
      return { approve: /^(disagree|approve_post)$/, remove: /^(agree_and_hide|reject_post)$/, ignore_reports: /^ignore_and_do_nothing$/ }[action as 'approve' | 'remove' | 'ignore_reports'] ?? /^$/;
    default:
      throw new Error(`no wire name known for ${platform}`);
  }
}

interface Decided {
  readonly id: string;
  readonly itemId: string;
  readonly platform: string;
  readonly remoteId: string;
  readonly action: ModerationAction;
}

/** The newest decision in the store (the one a key just made). */
const lastDecision = (): Decided | undefined =>
  db()
    .prepare('SELECT d.id AS id, d.item_id AS itemId, i.platform AS platform, i.remote_id AS remoteId, d.action AS action FROM decisions d JOIN items i ON i.id = d.item_id ORDER BY d.created_at DESC, d.rowid DESC LIMIT 1')
    .get() as Decided | undefined;

const selectedIndex = (): Promise<number> => queue.selectedRowIndex();

beforeAll(async () => {
  server = await startDemoServer();
  // The writes go out when Sync is pressed, not on the server's 60 s background timer mid-triage.
  server.demo.backend.sync.stopBackground();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  app = new AppPage(page);
  queue = new QueuePage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('keyboard-only triage in Chromium', () => {
  it('decides 20 items by keys alone, undoes one before sync, and the simulators receive exactly the 20', { timeout: 180_000 }, async () => {
    // No selection yet: j opens the first item.
    await queue.press('j');
    await queue.waitForItem();
    const decided: Decided[] = [];
    let undone: Decided | null = null;
    const usedActions = new Set<ModerationAction>();
    let turn = 0;
    while (decided.length < DECISIONS) {
      const index = await selectedIndex();
      await queue.waitForItem();
      // Only what this item's platform can do is offered; take turns among those verdicts.
      const offered = new Set(await queue.decisionButtonNames());
      const choices = VERDICTS.filter((v) => offered.has(v.name));
      expect(choices.length, `verdicts offered at row ${index}`).toBeGreaterThan(0);
      const verdict = choices[turn % choices.length];
      if (!verdict) throw new Error('no verdict to press');
      turn += 1;
      const before = lastDecision()?.id;
      await queue.press(verdict.key);
      await expect.poll(() => queue.okNotice.textContent()).toMatch(new RegExp(`^${verdict.action.replace('_', ' ')}: recorded, queued for the platform`));
      // The queue moved on to the next item by itself.
      await expect.poll(selectedIndex).toBe(index + 1);
      const made = lastDecision();
      if (!made) throw new Error('the key press left no decision in the store');
      expect(made.id).not.toBe(before);
      expect(made.action).toBe(verdict.action);
      expect(await queue.rowState(queue.rowAt(index)).textContent()).not.toBe('open');

      if (undone === null && decided.length === UNDONE_AT) {
        // Take it back while it still waits in the outbox: the item is open again and selected.
        await queue.press('u');
        await expect.poll(() => queue.okNotice.textContent()).toMatch(new RegExp(`^Undone: ${verdict.action.replace('_', ' ')}`));
        await expect.poll(selectedIndex).toBe(index);
        await expect.poll(() => queue.rowState(queue.selectedRow()).textContent()).toBe('open');
        undone = made;
        // Leave it undecided and go on with the next one.
        await queue.press('j');
        await expect.poll(selectedIndex).toBe(index + 1);
        continue;
      }
      decided.push(made);
      usedActions.add(made.action);
    }
    expect(undone).not.toBeNull();
    if (!undone) return;
    // More than one verdict and more than one platform were exercised.
    expect(usedActions.size).toBeGreaterThan(1);
    expect(new Set(decided.map((d) => d.platform)).size).toBeGreaterThan(1);
    expect(new Set(decided.map((d) => d.itemId)).size).toBe(DECISIONS);
    expect(decided.some((d) => d.itemId === undone?.itemId)).toBe(false);

    // Nothing has reached the platforms yet for any of these items.
    const targets = (state: SimState, platform: string, remoteId: string): SimWrite[] => (state.platforms[platform]?.writes ?? []).filter((w) => w.target === remoteId);
    const beforeSync = await simState();
    for (const d of [...decided, undone]) expect(targets(beforeSync, d.platform, d.remoteId), `${d.platform} ${d.remoteId} before sync`).toEqual([]);

    // Sync, by keyboard too: focus the status bar's button and press Enter.
    await app.statusBar().getByRole('button', { name: 'Sync now' }).focus();
    await queue.press('Enter');
    const pending = () => db().prepare("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')").pluck().get() as number;
    await expect.poll(pending, { timeout: 60_000 }).toBe(0);

    const afterSync = await simState();
    for (const d of decided) {
      const writes = targets(afterSync, d.platform, d.remoteId);
      // Exactly one request per decision, as the platform's own action.
      expect(writes.map((w) => w.action), `${d.platform} ${d.remoteId} ${d.action}`).toEqual([expect.stringMatching(wireAction(d.platform, d.action))]);
      // Applied, except unhiding an Instagram comment that was never hidden: received, nothing to change.
      if (!(d.platform === 'instagram' && d.action === 'approve')) expect(writes[0]?.applied, `${d.platform} ${d.remoteId} ${d.action} applied`).toBe(true);
    }
    // The undone decision never left: the simulator received no write at all for that item.
    expect(targets(afterSync, undone.platform, undone.remoteId)).toEqual([]);
    const undoneEntry = db().prepare('SELECT state, error_class AS errorClass FROM outbox WHERE decision_id = ?').get(undone.id);
    expect(undoneEntry).toMatchObject({ errorClass: 'undone' });
    expect(consoleErrors).toEqual([]);
  });
});
