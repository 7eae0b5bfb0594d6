// mediaHost.*: read, set and clear the workspace's public media host (sync/mediaHostConfig.ts).
// A bad URL is an invalid_input with the sentence that says what to change.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { clearMediaHost, MediaHostError, mediaHostView, setMediaHost } from '../sync/mediaHostConfig.ts';
import type { BackendContext } from './context.ts';

type MediaHostMethod = 'mediaHost.get' | 'mediaHost.set' | 'mediaHost.clear';

export function mediaHostHandlers(ctx: BackendContext): Pick<Handlers, MediaHostMethod> {
  return {
    'mediaHost.get': () => ({ host: mediaHostView(ctx.db) }),
    'mediaHost.set': ({ uploadUrl, publicBase, token }) => {
      try {
        return { host: setMediaHost(ctx.db, ctx.cipher, { uploadUrl, publicBase, token }) };
      } catch (error) {
        if (error instanceof MediaHostError) return fail('invalid_input', error.message);
        throw error;
      }
    },
    'mediaHost.clear': () => ({ cleared: clearMediaHost(ctx.db) }),
  };
}
