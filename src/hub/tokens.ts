// Member tokens: 256 random bits, shown once; the hub keeps only their SHA-256 (members.token_hash),
// which is also what stoa_hub.current_member() computes from the stoa.member_token setting.
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'stoa_hub_';

export const newMemberToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

export const hashMemberToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
