import type { OrganisationKind, Role } from '@spie/contract/territories';

export type Actor = AnonymousActor | AccountActor | MemberActor | SystemActor;

export interface AnonymousActor {
  kind: 'anonymous';
}

/** Signed in, no membership chosen yet. */
export interface AccountActor {
  kind: 'account';
  accountId: string;
  sessionIdHash: string;
}

/** Signed in and acting through one membership (organisation + role). */
export interface MemberActor {
  kind: 'member';
  accountId: string;
  sessionIdHash: string | null;
  membershipId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationSensitive: boolean;
  territoryId: string;
}

/** CLI commands and background jobs. */
export interface SystemActor {
  kind: 'system';
  name: string;
  territoryId: string | null;
}

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export const systemActor = (name: string, territoryId: string | null = null): SystemActor => ({
  kind: 'system',
  name,
  territoryId,
});

export function accountIdOf(actor: Actor): string | null {
  return actor.kind === 'account' || actor.kind === 'member' ? actor.accountId : null;
}
