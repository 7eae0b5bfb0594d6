// profiles.* and views.* endpoints: who decides on this device, and their saved queue views.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { activeProfile, createProfile, listProfiles, ProfileError, setActiveProfile } from '../store/profiles.ts';
import { countView, deleteView, listViews, SavedViewError, saveView, type SavedView } from '../store/savedViews.ts';
import type { BackendContext } from './context.ts';

/** A store refusal ("already exists", "no such view") is the caller's input problem, not a bug. */
function refusing<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ProfileError || error instanceof SavedViewError) return fail('invalid_input', error.message);
    throw error;
  }
}

export function moderatorHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'profiles.list' | 'profiles.create' | 'profiles.setActive' | 'views.list' | 'views.save' | 'views.delete' | 'views.count'> {
  const withCount = (view: SavedView) => ({ ...view, ...countView(ctx.db, view.filter) });
  const profileId = () => activeProfile(ctx.db)?.id ?? null;
  return {
    'profiles.list': () => ({ profiles: listProfiles(ctx.db), activeId: profileId(), actor: ctx.who.actor, deviceId: ctx.who.deviceId }),
    'profiles.create': (input) => refusing(() => createProfile(ctx.db, input, ctx.who, ctx.clock)),
    'profiles.setActive': ({ id }) => refusing(() => setActiveProfile(ctx.db, id, ctx.who, ctx.clock)),
    'views.list': () => listViews(ctx.db, profileId()).map(withCount),
    'views.save': ({ name, filter }) => withCount(saveView(ctx.db, profileId(), name, filter, ctx.who, ctx.clock)),
    'views.delete': ({ id }) => {
      refusing(() => deleteView(ctx.db, id, ctx.who, ctx.clock));
      return { deleted: true as const };
    },
    'views.count': ({ filter }) => countView(ctx.db, filter),
  };
}
