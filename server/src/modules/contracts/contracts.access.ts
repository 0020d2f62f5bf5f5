import type { ContractActor } from '@spie/contract/contracts';
import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, personAccess, type Relation } from '../people';

/**
 * The contract is part of the journey section of the person record (domain §8): read by the
 * team (intervenants included) and the structure managers of an organisation that follows the
 * person; written by the référent unique and the co-référents, whatever their organisation.
 * Hours carried out may also be recorded by a team member of the organisation running the action.
 */
export interface ContractAccess {
  read: boolean;
  relation: Relation;
  /** Kinds of actor of the transition table the caller is, for the contract as a whole. */
  actors: ContractActor[];
}

export function contractActorsOf(
  actor: MemberActor,
  relation: Relation,
  actionOrganisationId: string | null = null,
): ContractActor[] {
  const actors: ContractActor[] = [];
  if (actor.role === 'steering_viewer') return actors;
  if (relation.teamRole === 'referent' || relation.teamRole === 'co_referent') actors.push('referent');
  if (
    relation.teamRole !== null &&
    actionOrganisationId !== null &&
    actionOrganisationId === actor.organisationId
  )
    actors.push('action_organisation');
  return actors;
}

const loaded = new WeakMap<object, Map<string, Promise<ContractAccess>>>();

/**
 * The caller's access to one person's contract, loaded once per use case run: `authorize`, `run`
 * and the contract view all ask, within the same transaction (no contract use case changes the team).
 */
export function contractAccess(ctx: UseCaseContext<MemberActor>, personId: string): Promise<ContractAccess> {
  let byPerson = loaded.get(ctx);
  if (!byPerson) {
    byPerson = new Map();
    loaded.set(ctx, byPerson);
  }
  let access = byPerson.get(personId);
  if (!access) {
    access = personAccess(ctx, personId).then(({ access: sections, relation }) => ({
      read: may(sections, 'journey', 'read'),
      relation,
      actors: contractActorsOf(ctx.actor, relation),
    }));
    byPerson.set(personId, access);
  }
  return access;
}

/** For `authorize` of writes: the caller is the person's référent or a co-référent. */
export async function mayWriteContract(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  const a = await contractAccess(ctx, personId);
  return a.read && a.actors.includes('referent');
}

/** For `authorize` of reads: the caller reads the journey section. */
export async function mayReadContract(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  return (await contractAccess(ctx, personId)).read;
}
