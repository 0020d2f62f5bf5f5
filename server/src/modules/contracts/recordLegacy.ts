import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { mayWriteContract } from './contracts.access';
import { contractAuditSubject } from './contracts.guard';
import { toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.recordLegacy;

/**
 * An older contract (PPAE, CER, CEJ, PACEA) recorded in the history: still running (it can then
 * be converted into an engagement contract) or already over.
 */
export const recordLegacyContract = defineUseCase({
  name: 'contracts.recordLegacy',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => mayWriteContract(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    if (input.endOn && input.endOn < input.startOn)
      throw fieldError('contract.dates', 'endOn', 'La date de fin doit être après la date de début.');
    if (!input.running && !input.endOn)
      throw fieldError('contract.legacy_end', 'endOn', 'Indiquez la date de fin de ce contrat terminé.');
    let organisationName = input.organisationName;
    if (input.organisationId) {
      const org = await ctx.trx
        .selectFrom('organisations')
        .select('name')
        .where('territory_id', '=', t)
        .where('id', '=', input.organisationId)
        .executeTakeFirst();
      if (!org)
        throw fieldError(
          'contract.organisation_invalid',
          'organisationId',
          'Cette structure n’existe pas sur le territoire.',
        );
      organisationName = organisationName ?? org.name;
    }
    if (!input.organisationId && !organisationName)
      throw fieldError(
        'contract.organisation_missing',
        'organisationName',
        'Indiquez la structure qui a signé ce contrat.',
      );
    const row = await ctx.trx
      .insertInto('engagement_contracts')
      .values({
        territory_id: t,
        person_id: input.id,
        kind: input.kind,
        status: input.running ? 'actif' : 'termine',
        organisation_id: input.organisationId,
        organisation_name: organisationName,
        start_on: input.startOn,
        end_on: input.endOn,
        signed_at: input.signedOn ? new Date(`${input.signedOn}T12:00:00Z`) : null,
        note: input.note,
        ended_at: input.running ? null : ctx.now,
        created_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    emitContractEvent(ctx, 'ContractLegacyRecorded', input.id, row.id, {
      kind: input.kind,
      startOn: input.startOn,
    });
    return toContract(ctx, row);
  },
  auditSubject: (input, output) => contractAuditSubject(output.id, input.id, { kind: input.kind }),
});
