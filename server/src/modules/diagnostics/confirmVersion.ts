import { confirmVersionBody, diagnosticsRoutes } from '@spie/contract/diagnostics';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { isJoint, loadAuthors, loadVersionRow, toDiagnostic } from './diagnostic.queries';
import { mayDiagnostic, noVersion } from './diagnostics.access';
import { diagnosticEvents } from './diagnostics.timeline';

/**
 * A second professional co-signs a validated version with their field. With one signature of
 * the social field and one of employment, from two people, the diagnostic is "validé
 * conjointement". Only the latest version can be co-signed: an older one has been superseded.
 */
export const confirmVersion = defineUseCase({
  name: 'diagnostics.confirmVersion',
  kind: 'command',
  input: diagnosticsRoutes.confirmVersion.params.extend(confirmVersionBody.shape),
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'write'),
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { territoryId } = actor;
    await requireNotMerged(ctx, input.id);
    const row = await loadVersionRow(ctx.trx, territoryId, input.id, input.version);
    if (!row) throw noVersion();
    const later = await ctx.trx
      .selectFrom('diagnostics')
      .select('version')
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', input.id)
      .where('version', '>', input.version)
      .executeTakeFirst();
    if (later)
      throw conflict(
        'diagnostic.superseded',
        `La version ${input.version} a été remplacée par la version ${later.version} : co-signez la dernière.`,
      );
    const authors = await loadAuthors(ctx.trx, territoryId, [row.id]);
    if (authors.some((a) => a.accountId === actor.accountId))
      throw conflict('diagnostic.already_signed', 'Vous avez déjà signé cette version du diagnostic.');
    await ctx.trx
      .insertInto('diagnostic_authors')
      .values({
        territory_id: territoryId,
        diagnostic_id: row.id,
        account_id: actor.accountId,
        organisation_id: actor.organisationId,
        field: input.field,
        confirmed_at: ctx.now,
      })
      // Signing twice at once (double click): the second finds the first signature.
      .onConflict((oc) => oc.columns(['territory_id', 'diagnostic_id', 'account_id']).doNothing())
      .execute();
    const nowJoint =
      !isJoint(authors) && isJoint([...authors, { accountId: actor.accountId, field: input.field }]);
    ctx.emit(
      diagnosticEvents.confirmed(ctx, {
        personId: input.id,
        diagnosticId: row.id,
        version: input.version,
        field: input.field,
        nowJoint,
      }),
    );
    return toDiagnostic(ctx.trx, territoryId, row);
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'diagnostic',
    details: { diagnosticId: output.id, version: input.version, field: input.field },
  }),
});
