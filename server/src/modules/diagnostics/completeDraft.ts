import { uuid } from '@spie/contract';
import {
  completeDraftBody,
  type DiagnosticContent,
  type Path,
  recommendPath,
} from '@spie/contract/diagnostics';
import { sql } from 'kysely';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contentProblems, throwProblems } from './diagnostic.content';
import { toDiagnostic } from './diagnostic.queries';
import { draftForWrite, mayDiagnostic } from './diagnostics.access';
import { diagnosticEvents } from './diagnostics.timeline';
import { currentReferential } from './referentials';

/**
 * Validates the draft: it becomes the next version, frozen, with the path the national criteria
 * recommend and, when the authors depart from it, the path they chose and why (both kept). The
 * completer signs it with their field; a colleague of the other field may co-sign it afterwards.
 */
export const completeDraft = defineUseCase({
  name: 'diagnostics.completeDraft',
  kind: 'command',
  input: completeDraftBody.safeExtend({ id: uuid }),
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'write'),
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { territoryId } = actor;
    const draft = await draftForWrite(ctx, input.id, input.revision);
    const content = draft.content as DiagnosticContent;
    // The list may have changed since the last save: the version freezes codes that exist.
    const situations = await currentReferential(ctx.trx, territoryId, 'constraint_situations');
    throwProblems(await contentProblems(ctx.trx, content, situations.content, content));
    const recommendation = recommendPath(content, ctx.now);
    const chosenPath: Path | null =
      input.chosenPath && input.chosenPath !== recommendation.path ? input.chosenPath : null;
    const { next } = await ctx.trx
      .selectFrom('diagnostics')
      .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', input.id)
      .executeTakeFirstOrThrow();
    const row = await ctx.trx
      .updateTable('diagnostics')
      .set({
        status: 'completed',
        version: next,
        recommended_path: recommendation.path,
        recommendation: JSON.stringify(recommendation),
        chosen_path: chosenPath,
        chosen_path_reason: chosenPath ? input.chosenPathReason : null,
        referential_version: situations.version,
        completed_by_account_id: actor.accountId,
        completed_at: ctx.now,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', territoryId)
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.revision)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw staleVersion('diagnostic', null);
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
      .execute();
    const event = {
      personId: input.id,
      diagnosticId: row.id,
      version: next,
      recommendedPath: recommendation.path,
      chosenPath,
    };
    ctx.emit(diagnosticEvents.completed(ctx, event));
    return toDiagnostic(ctx.trx, territoryId, row);
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'diagnostic',
    details: {
      diagnosticId: output.id,
      version: output.version,
      recommendedPath: output.recommendation.path,
      chosenPath: output.chosenPath,
      field: input.field,
    },
  }),
});
