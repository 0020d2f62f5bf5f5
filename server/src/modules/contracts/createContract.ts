import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { mayWriteContract } from './contracts.access';
import { insertDraft } from './contracts.create';
import { contractAuditSubject } from './contracts.guard';
import { settingsOf, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.create;

/** « Commencer le contrat »: a draft for the référent to build the plan with the person. */
export const createContract = defineUseCase({
  name: 'contracts.create',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => mayWriteContract(ctx, input.id),
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    if (input.endOn < input.startOn)
      throw fieldError('contract.dates', 'endOn', 'La date de fin doit être après la date de début.');
    const settings = await settingsOf(ctx.trx, ctx.actor.territoryId);
    const row = await insertDraft(ctx, {
      personId: input.id,
      startOn: input.startOn,
      endOn: input.endOn,
      weeklyTargetHours: input.weeklyTargetHours ?? settings.weeklyActivityHours,
    });
    emitContractEvent(ctx, 'ContractCreated', input.id, row.id, {
      startOn: input.startOn,
      endOn: input.endOn,
    });
    return toContract(ctx, row);
  },
  auditSubject: (input, output) => contractAuditSubject(output.id, input.id),
});
