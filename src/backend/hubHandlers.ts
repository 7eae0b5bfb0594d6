// hub.* endpoints: join this workspace to a team hub with a member's join URL, leave it, see the
// link, members and sync state, sync now, and the team's claims. A workspace that joined no hub
// answers plainly: no link, no claims, nothing to sync.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { HUB_ROLES, type HubRole } from '../core/hubRoles.ts';
import { openHubPool } from '../hub/connect.ts';
import { HubError } from '../hub/errors.ts';
import { appendAudit } from '../store/audit.ts';
import { isoNow } from '../store/clock.ts';
import { getHubLink, removeHubLink, saveHubLink } from '../store/hubLink.ts';
import type { BackendContext } from './context.ts';
import { claimOnHub, claimsOnHub, itemOnHub, releaseOnHub } from './hub/hubClaims.ts';
import { closeHubConnection } from './hub/hubConnection.ts';
import { hubMembers, hubWhoAmI } from './hub/hubMembers.ts';
import type { HubSync } from './hub/hubSync.ts';
import { redactJoinUrl, splitJoinUrl } from './hub/joinUrl.ts';

type HubMethods = 'hub.status' | 'hub.join' | 'hub.leave' | 'hub.sync' | 'hub.claim' | 'hub.release' | 'hub.claims' | 'hub.item';

const NOT_JOINED = 'This workspace has not joined a team hub; join one with `stoa hub join URL` or in Settings → Team hub.';

function hubFailure(error: unknown): never {
  if (error instanceof HubError) return fail(error.code === 'bad_url' ? 'invalid_input' : error.code === 'auth_failed' ? 'unauthorized' : 'unavailable', error.message);
  throw error;
}

export function hubHandlers(ctx: BackendContext, hubSync: HubSync): Pick<Handlers, HubMethods> {
  const status = () => {
    const link = getHubLink(ctx.db);
    return {
      link: link
        ? { url: link.url, workspace: link.workspaceName, member: { id: link.memberId, name: link.memberName, role: hubRole(link.role) }, device: link.device, joinedAt: link.joinedAt }
        : null,
      members: link ? hubSync.members() : [],
      sync: hubSync.state(),
    };
  };
  return {
    'hub.status': () => status(),
    'hub.join': async ({ url, wait }) => {
      const { databaseUrl, token } = splitJoinUrl(url);
      const pool = await openHubPool(databaseUrl, { max: 1 }).catch(hubFailure);
      try {
        const me = await hubWhoAmI(pool, token);
        if (!me.ok) return fail('unauthorized', me.error.message);
        const members = await hubMembers(pool, token);
        await hubSync.idle();
        const redacted = redactJoinUrl(url);
        saveHubLink(ctx.db, ctx.cipher, {
          url: redacted,
          workspaceId: me.value.workspaceId,
          workspaceName: me.value.workspaceName,
          memberId: me.value.memberId,
          memberName: me.value.memberName,
          role: me.value.role,
          device: ctx.who.deviceId,
          joinedAt: isoNow(ctx.clock),
          joinUrl: url.trim(),
        });
        appendAudit(ctx.db, { ...ctx.who, action: 'hub.join', subject: me.value.workspaceId, details: { url: redacted, member: me.value.memberName, role: me.value.role } }, ctx.clock);
        await closeHubConnection(ctx);
        hubSync.reset(members.ok ? members.value : []);
      } finally {
        await pool.end().catch(() => undefined);
      }
      ctx.events.emit({ type: 'hub.changed', what: 'status' });
      // This desk's history and the team's events start moving at once; status shows the progress.
      const first = hubSync.syncNow();
      if (!wait) {
        void first.catch(() => undefined);
        return status();
      }
      const firstSync = await first;
      return { ...status(), firstSync };
    },
    'hub.leave': async () => {
      await hubSync.idle();
      const link = getHubLink(ctx.db);
      const left = removeHubLink(ctx.db);
      if (left && link) appendAudit(ctx.db, { ...ctx.who, action: 'hub.leave', subject: link.workspaceId, details: { url: link.url } }, ctx.clock);
      await closeHubConnection(ctx);
      hubSync.reset([]);
      if (left) ctx.events.emit({ type: 'hub.changed', what: 'status' });
      return { left };
    },
    'hub.sync': async () => {
      if (!getHubLink(ctx.db)) return fail('not_found', NOT_JOINED);
      const run = await hubSync.syncNow();
      const sync = hubSync.state();
      if (!sync) return fail('not_found', NOT_JOINED);
      return { ...run, sync };
    },
    'hub.claim': ({ itemId }) => claimOnHub(ctx, itemId),
    'hub.release': ({ itemId }) => releaseOnHub(ctx, itemId),
    'hub.claims': () => claimsOnHub(ctx),
    'hub.item': ({ itemId }) => itemOnHub(ctx, itemId),
  };
}

/** A role this version does not know is shown as the least it could be. */
const hubRole = (role: string): HubRole => HUB_ROLES.find((r) => r === role) ?? 'viewer';
