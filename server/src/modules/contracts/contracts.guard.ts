import type { ContractActor } from '@spie/contract/contracts';
import type { MemberActor } from '../../kernel/actor';
import { notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { contractAccess, mayReadContract, mayWriteContract } from './contracts.access';
import { type ContractRow, loadContractRow } from './contracts.store';

type Ctx = UseCaseContext<MemberActor>;

/** For `authorize`: the contract exists in the territory (else 404) and the caller reads the journey. */
export async function mayReadContractById(ctx: Ctx, id: string): Promise<boolean> {
  const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, id);
  return mayReadContract(ctx, row.person_id);
}

/** For `authorize`: the contract exists and the caller is the person's référent or a co-référent. */
export async function mayWriteContractById(ctx: Ctx, id: string): Promise<boolean> {
  const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, id);
  return mayWriteContract(ctx, row.person_id);
}

/** The contract locked for a change, on the kept record, with the caller's kinds of actor. */
export async function lockForWrite(
  ctx: Ctx,
  id: string,
): Promise<{ row: ContractRow; actors: ContractActor[] }> {
  const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, id, true);
  await requireNotMerged(ctx, row.person_id);
  const access = await contractAccess(ctx, row.person_id);
  return { row, actors: access.actors };
}

export const actionNotFound = () =>
  notFound('contract.action_not_found', 'Action introuvable dans ce contrat.');
export const objectiveNotFound = () =>
  notFound('contract.objective_not_found', 'Objectif introuvable dans ce contrat.');

/** The contract of an action of the plan (404 when the action is not of this territory). */
export async function contractIdOfAction(ctx: Ctx, actionId: string): Promise<string> {
  const a = await ctx.trx
    .selectFrom('contract_actions')
    .select('contract_id')
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!a) throw actionNotFound();
  return a.contract_id;
}

export async function loadObjective(ctx: Ctx, contractId: string, objectiveId: string) {
  const o = await ctx.trx
    .selectFrom('contract_objectives')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('contract_id', '=', contractId)
    .where('id', '=', objectiveId)
    .executeTakeFirst();
  if (!o) throw objectiveNotFound();
  return o;
}

/** The audit row of a command on a contract (journey section). */
export const contractAuditSubject = (
  contractId: string,
  personId: string,
  details?: Record<string, unknown>,
) => ({
  subjectType: 'contract',
  subjectId: contractId,
  personId,
  section: 'journey' as const,
  ...(details ? { details } : {}),
});
