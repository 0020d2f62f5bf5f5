import { uuid } from '@spie/contract';
import { type DiagnosticContent, recommendPath, saveDraftBody } from '@spie/contract/diagnostics';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { changedParts, contentProblems, throwProblems } from './diagnostic.content';
import { loadDraftRow, type StoredContributions, toDiagnostic } from './diagnostic.queries';
import { draftForWrite, mayDiagnostic } from './diagnostics.access';
import { currentReferential } from './referentials';

/**
 * Saves the whole draft. Each part that changed (situation, each constraint family, axes,
 * projects, notes) is credited to the author and their organisation: in a joint diagnostic one
 * sees who wrote what. The revision guards against overwriting a colleague's save.
 */
export const saveDraft = defineUseCase({
  name: 'diagnostics.saveDraft',
  kind: 'command',
  input: saveDraftBody.extend({ id: uuid }),
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'write'),
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { territoryId } = actor;
    const draft = await draftForWrite(ctx, input.id, input.revision);
    const before = draft.content as DiagnosticContent;
    const situations = await currentReferential(ctx.trx, territoryId, 'constraint_situations');
    throwProblems(await contentProblems(ctx.trx, input.content, situations.content, before));
    const parts = changedParts(before, input.content);
    if (parts.length === 0) return toDiagnostic(ctx.trx, territoryId, draft);
    const contributions: StoredContributions = {
      ...((draft.contributions ?? {}) as unknown as StoredContributions),
    };
    for (const part of parts)
      contributions[part] = {
        accountId: actor.accountId,
        organisationId: actor.organisationId,
        at: ctx.now.toISOString(),
      };
    const recommendation = recommendPath(input.content, ctx.now);
    const row = await ctx.trx
      .updateTable('diagnostics')
      .set({
        content: JSON.stringify(input.content),
        contributions: JSON.stringify(contributions),
        recommended_path: recommendation.path,
        recommendation: JSON.stringify(recommendation),
        referential_version: situations.version,
        revision: draft.revision + 1,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', territoryId)
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.revision)
      .returningAll()
      .executeTakeFirst();
    // A colleague saved between our read and this update.
    if (!row) {
      const current = await loadDraftRow(ctx.trx, territoryId, input.id);
      throw staleVersion('diagnostic', current ? await toDiagnostic(ctx.trx, territoryId, current) : null);
    }
    return toDiagnostic(ctx.trx, territoryId, row);
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'diagnostic',
    details: { diagnosticId: output.id, revision: output.revision },
  }),
});
