import type { MemberActor } from '../../kernel/actor';

/*
 * Who does what in the catalogue (decided rules of issue 7):
 * - reading (service page, sessions, structures) = any member of the territory;
 * - managing a service, its sessions, its status, « marquer comme à jour » = the members of the
 *   organisation that owns it (professional, social worker, structure manager) and the territory admin;
 * - creating a structure = the territory admin, or a structure manager (owned by their organisation);
 *   updating it = the territory admin, or a structure manager of the organisation that owns it;
 * - occupancy (counts only) = territory admin, steering viewer, structure manager;
 * - waiting list (names) = members of the owning organisation only.
 */

const managingRoles = new Set(['professional', 'social_worker', 'structure_manager']);

export const isTerritoryAdmin = (actor: MemberActor) => actor.role === 'territory_admin';

/** A member of the owning organisation with a role that manages offers. */
export const isOwnerMember = (actor: MemberActor, ownerOrganisationId: string | null) =>
  ownerOrganisationId !== null &&
  actor.organisationId === ownerOrganisationId &&
  managingRoles.has(actor.role);

/** Manage a service (and its sessions) owned by `ownerOrganisationId`. */
export const mayManageService = (actor: MemberActor, ownerOrganisationId: string | null) =>
  isTerritoryAdmin(actor) || isOwnerMember(actor, ownerOrganisationId);

/** Create a structure: the territory admin, or a structure manager (for their organisation). */
export const mayCreateStructure = (actor: MemberActor) =>
  isTerritoryAdmin(actor) || actor.role === 'structure_manager';

/** Update a structure: the territory admin, or a structure manager of the owning organisation. */
export const mayManageStructure = (actor: MemberActor, ownerOrganisationId: string | null) =>
  isTerritoryAdmin(actor) ||
  (actor.role === 'structure_manager' &&
    ownerOrganisationId !== null &&
    actor.organisationId === ownerOrganisationId);

/** Create a service under a structure: its owner's members (when owned) or the territory admin. */
export const mayCreateServiceUnder = (actor: MemberActor, structureOwnerId: string | null) =>
  isTerritoryAdmin(actor) || isOwnerMember(actor, structureOwnerId);

/** Occupancy dashboard (counts only, no names). */
export const maySeeOccupancy = (actor: MemberActor) =>
  actor.role === 'territory_admin' || actor.role === 'steering_viewer' || actor.role === 'structure_manager';

/** Names on the waiting list: members of the owning organisation only (not the territory admin). */
export const maySeeWaitingList = (actor: MemberActor, ownerOrganisationId: string | null) =>
  ownerOrganisationId !== null &&
  actor.organisationId === ownerOrganisationId &&
  actor.role !== 'steering_viewer';
