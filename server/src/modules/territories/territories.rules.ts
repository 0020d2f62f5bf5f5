import type { Actor, MemberActor } from '../../kernel/actor';

/** Pure authorization rules of the module (default deny: anything not listed is refused). */
export const isMember = (actor: Actor): actor is MemberActor => actor.kind === 'member';
export const isTerritoryAdmin = (actor: Actor) => isMember(actor) && actor.role === 'territory_admin';
export const isStructureManager = (actor: Actor) => isMember(actor) && actor.role === 'structure_manager';
/** Reading accounts: admins for the territory, structure managers for their own organisation. */
export const mayReadAccounts = (actor: Actor) => isTerritoryAdmin(actor) || isStructureManager(actor);
