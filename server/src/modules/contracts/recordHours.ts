import {
  type ContractStatus,
  contractsRoutes,
  type HoursEntry,
  type HoursSource,
} from '@spie/contract/contracts';
import { conflict, DomainError, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { contractAccess, contractActorsOf } from './contracts.access';
import { checkContractTransition } from './contracts.engine';
import { factsOf, loadContractRow } from './contracts.store';
import { weekRefusal } from './weekDetail';

const input = contractsRoutes.recordHours.params.extend(contractsRoutes.recordHours.body.shape);

async function loadAction(
  ctx: { trx: import('kysely').Transaction<import('../../db/schema').DB> },
  t: string,
  id: string,
) {
  const action = await ctx.trx
    .selectFrom('contract_actions')
    .select(['id', 'contract_id', 'person_id', 'responsible_organisation_id', 'label'])
    .where('territory_id', '=', t)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!action)
    throw notFound('contract.action_not_found', 'Action introuvable : elle a peut-être été retirée du plan.');
  return action;
}

/**
 * Hours carried out for one action and one week (past or current), recorded by the référent,
 * by a professional of the organisation running the action, or declared by the person through
 * them (flagged `person`). The latest professional entry wins; a declaration never replaces a
 * professional's entry. Emits `WeeklyHoursRecorded` (no timeline entry: one per week is noise).
 */
export const recordHours = defineUseCase({
  name: 'contracts.recordHours',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const action = await loadAction(ctx, ctx.actor.territoryId, input.id);
    return (await contractAccess(ctx, action.person_id)).read;
  },
  run: async (ctx, input): Promise<HoursEntry & { personId: string; contractId: string }> => {
    const t = ctx.actor.territoryId;
    const action = await loadAction(ctx, t, input.id);
    await requireNotMerged(ctx, action.person_id);
    const row = await loadContractRow(ctx.trx, t, action.contract_id);
    const { relation } = await contractAccess(ctx, row.person_id);
    const actors = contractActorsOf(ctx.actor, relation, action.responsible_organisation_id);
    checkContractTransition({
      from: row.status as ContractStatus,
      action: 'recordHours',
      facts: factsOf(row),
      actors,
      fields: { hours: input.hours },
    });
    const refusal = weekRefusal(input.weekStart, row, ctx.now);
    if (refusal)
      throw new DomainError('validation', refusal.code, refusal.message, [
        { path: 'weekStart', message: refusal.message },
      ]);
    const existing = await ctx.trx
      .selectFrom('weekly_hours')
      .select(['source'])
      .where('territory_id', '=', t)
      .where('action_id', '=', action.id)
      .where('week_start', '=', input.weekStart)
      .forUpdate()
      .executeTakeFirst();
    if (input.declaredByPerson && existing && existing.source !== 'person')
      throw conflict(
        'contract.hours_declared_over_professional',
        'Des heures ont déjà été saisies par un·e professionnel·le pour cette action et cette semaine : une déclaration de la personne ne les remplace pas.',
      );
    const source: HoursSource = input.declaredByPerson
      ? 'person'
      : actors.includes('referent')
        ? 'referent'
        : 'organisation';
    const values = {
      hours: input.hours,
      source,
      recorded_by_account_id: ctx.actor.accountId,
      recorded_at: ctx.now,
    };
    await ctx.trx
      .insertInto('weekly_hours')
      .values({
        territory_id: t,
        action_id: action.id,
        week_start: input.weekStart,
        person_id: row.person_id,
        contract_id: row.id,
        ...values,
      })
      .onConflict((oc) => oc.columns(['territory_id', 'action_id', 'week_start']).doUpdateSet(values))
      .execute();
    ctx.emit({
      type: 'WeeklyHoursRecorded',
      territoryId: t,
      payload: {
        personId: row.person_id,
        contractId: row.id,
        actionId: action.id,
        weekStart: input.weekStart,
        hours: input.hours,
        source,
      },
    });
    const name = await ctx.trx
      .selectFrom('accounts')
      .select(['first_name', 'last_name'])
      .where('id', '=', ctx.actor.accountId)
      .executeTakeFirst();
    return {
      actionId: action.id,
      weekStart: input.weekStart,
      hours: input.hours,
      source,
      recordedBy: {
        accountId: ctx.actor.accountId,
        name: name ? `${name.first_name} ${name.last_name}` : '',
      },
      recordedAt: ctx.now.toISOString(),
      personId: row.person_id,
      contractId: row.id,
    };
  },
  auditSubject: (input, output) => ({
    subjectType: 'contract_action',
    subjectId: input.id,
    personId: output.personId,
    section: 'journey',
    details: {
      contractId: output.contractId,
      weekStart: input.weekStart,
      hours: input.hours,
      source: output.source,
    },
  }),
});
