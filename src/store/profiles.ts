// Moderator profiles: the named people who decide on this machine ("Ana", "@ana_mod"), so every
// decision, note and audit entry says who made it — not the OS account the app runs under (often
// `root` or a shared login). Kept in settings as a small list with UUIDv7 ids, so a team server can
// later merge profiles from several desktops. Creating and switching are audited.
import type { Database } from 'better-sqlite3';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { getSetting, setSetting } from './settings.ts';

export interface ModeratorProfile {
  readonly id: string;
  readonly name: string;
  readonly handle: string | null;
  readonly createdAt: string;
}

const PROFILES = 'moderator_profiles';
const ACTIVE = 'active_profile';

export class ProfileError extends Error {}

export function listProfiles(db: Database): ModeratorProfile[] {
  return getSetting<ModeratorProfile[]>(db, PROFILES) ?? [];
}

export function activeProfile(db: Database): ModeratorProfile | null {
  const id = getSetting<string>(db, ACTIVE);
  return id ? (listProfiles(db).find((p) => p.id === id) ?? null) : null;
}

/** Adds a profile; the first one made becomes the active one. Names are unique, ignoring case. */
export function createProfile(db: Database, input: { name: string; handle?: string | null | undefined }, who: Actor, clock: Clock): ModeratorProfile {
  return db.transaction(() => {
    const profiles = listProfiles(db);
    const name = input.name.trim();
    if (profiles.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new ProfileError(`A moderator profile named "${name}" already exists.`);
    const handle = input.handle?.trim().replace(/^@/, '') || null;
    const profile: ModeratorProfile = { id: newId(), name, handle, createdAt: isoNow(clock) };
    setSetting(db, PROFILES, [...profiles, profile]);
    appendAudit(db, { ...who, action: 'profile.create', subject: profile.id, details: { name, handle } }, clock);
    if (profiles.length === 0) setSetting(db, ACTIVE, profile.id);
    return profile;
  })();
}

/** Makes the profile (by id or name) the one stamped on what happens next on this device. */
export function setActiveProfile(db: Database, idOrName: string, who: Actor, clock: Clock): ModeratorProfile {
  return db.transaction(() => {
    const wanted = idOrName.trim().toLowerCase();
    const profile = listProfiles(db).find((p) => p.id === idOrName || p.name.toLowerCase() === wanted);
    if (!profile) throw new ProfileError(`There is no moderator profile "${idOrName}"; create it in Settings first.`);
    const before = who.actor;
    setSetting(db, ACTIVE, profile.id);
    appendAudit(db, { actor: profile.name, deviceId: who.deviceId, action: 'profile.activate', subject: profile.id, details: { from: before } }, clock);
    return profile;
  })();
}

/**
 * The actor every handler stamps: the active profile's name, read at the moment of each write (so
 * switching profile takes effect at once), else `fallback` (the OS user) until a profile exists.
 */
export function profileActor(db: Database, fallback: string, deviceId: string): Actor {
  return {
    get actor(): string {
      return activeProfile(db)?.name ?? fallback;
    },
    deviceId,
  };
}
