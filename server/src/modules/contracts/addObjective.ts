import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { currentReferential } from '../diagnostics';
import { contractAuditSubject, lockForWrite, mayWriteContractById } from './contracts.guard';
import { latestNeeds } from './contracts.needs';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const add = contractsRoutes.addObjective;

/**
 * An objective from the territory's list (its label and theme) or a short free label, linked to
 * the need of the latest diagnostic for its theme when there is one (and the référent wants it).
 */
export const addObjective = defineUseCase({
  name: 'contracts.addObjective',
  kind: 'command',
  input: add.params.and(add.body),
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    await requirePlanEdit(ctx, row, actors);
    let label = input.label;
    let theme = input.theme;
    if (input.code) {
      const list = await currentReferential(ctx.trx, t, 'action_plan');
      const item = list.content.objectives.find((o) => o.code === input.code && !o.retired);
      if (!item)
        throw fieldError(
          'contract.objective_unknown',
          'code',
          'Cet objectif n’est pas dans la liste du territoire.',
        );
      label = item.label;
      theme = item.theme;
    }
    const found = input.linkToDiagnostic ? await latestNeeds(ctx.trx, t, row.person_id) : null;
    const need = found?.diagnostic ? found.needs.find((n) => n.theme === theme) : undefined;
    const last = await ctx.trx
      .selectFrom('contract_objectives')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('territory_id', '=', t)
      .where('contract_id', '=', row.id)
      .executeTakeFirst();
    await ctx.trx
      .insertInto('contract_objectives')
      .values({
        territory_id: t,
        contract_id: row.id,
        person_id: row.person_id,
        position: Number(last?.p ?? 0) + 1,
        code: input.code,
        label: label as string,
        theme,
        need:
          need && found?.diagnostic
            ? JSON.stringify({
                diagnosticId: found.diagnostic.id,
                diagnosticVersion: found.diagnostic.version,
                theme,
                level: need.level,
              })
            : null,
        status: 'en_cours',
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
    emitContractEvent(ctx, 'ContractObjectiveAdded', row.person_id, row.id, { label });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
