// The IPC adapter: one channel into dispatch(), one channel out for events. A call is served only
// from this window's main frame while it shows a trusted page (see isTrustedSender); iframes and
// other pages are refused.
import { ipcMain, type WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../src/api/bridge.ts';
import { dispatch, type Handlers } from '../src/api/dispatch.ts';
import { apiError } from '../src/api/errors.ts';
import type { EventHub } from '../src/api/events.ts';
import { isAllowedNavigation, isTrustedSender } from './navigationPolicy.ts';

export function connectIpc(handlers: Handlers, events: EventHub, contents: WebContents, trustedOrigins: readonly string[]): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = event.sender === contents && frame !== null && isTrustedSender(frame.url, frame.parent === null, trustedOrigins);
    if (!trusted || typeof method !== 'string') {
      return { ok: false, error: apiError('forbidden', 'This caller may not use the Stoa API.') };
    }
    return dispatch(handlers, method, input, (name, error) => console.error(`bug in ${name}:`, error));
  });
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed() && isAllowedNavigation(contents.getURL(), trustedOrigins)) contents.send(IPC_EVENT_CHANNEL, event);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
