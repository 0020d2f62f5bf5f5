import { uuid } from '@spie/contract';
import { recommendPath, startDraftBody } from '@spie/contract/diagnostics';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday, requireNotMerged } from '../people';
import { contentFromCaf, emptyContent } from './diagnostic.content';
import { loadDraftRow, loadVersionRows, toDiagnostic } from './diagnostic.queries';
import { personCafCodes, prefillFromStatuses } from './diagnostic.sources';
import { mayDiagnostic } from './diagnostics.access';
import { diagnosticEvents } from './diagnostics.timeline';
import { currentReferential } from './referentials';

export const draftExists = () =>
  conflict(
    'diagnostic.draft_exists',
    'Un diagnostic est déjà en cours pour cette personne : reprenez-le, ou abandonnez-le avant d’en commencer un autre.',
  );

/**
 * Starts the person's draft: from the latest validated version (the diagnostic evolves), from the
 * CAF codes (a first diagnostic), or empty; what the record plainly says is filled in. One draft
 * per person, shared by the team.
 */
export const startDraft = defineUseCase({
  name: 'diagnostics.startDraft',
  kind: 'command',
  input: startDraftBody.extend({ id: uuid }),
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'write'),
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { territoryId } = actor;
    await requireNotMerged(ctx, input.id);
    if (await loadDraftRow(ctx.trx, territoryId, input.id)) throw draftExists();
    const situations = await currentReferential(ctx.trx, territoryId, 'constraint_situations');
    let content = emptyContent();
    if (input.from === 'latest') {
      const [latest] = await loadVersionRows(ctx.trx, territoryId, input.id);
      if (latest) content = structuredClone(latest.content) as typeof content;
    } else if (input.from === 'caf') {
      const mapping = await currentReferential(ctx.trx, territoryId, 'caf_mapping');
      const codes = await personCafCodes(ctx.trx, territoryId, input.id);
      content = contentFromCaf(content, codes, mapping.content, situations.content);
    }
    content = await prefillFromStatuses(ctx.trx, territoryId, input.id, parisToday(ctx.now), content);
    const recommendation = recommendPath(content, ctx.now);
    const row = await ctx.trx
      .insertInto('diagnostics')
      .values({
        territory_id: territoryId,
        person_id: input.id,
        status: 'draft',
        content: JSON.stringify(content),
        recommended_path: recommendation.path,
        recommendation: JSON.stringify(recommendation),
        contributions: JSON.stringify({}),
        referential_version: situations.version,
        revision: 1,
        created_by_account_id: actor.accountId,
        created_by_organisation_id: actor.organisationId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      // Two professionals starting at the same moment: the second finds the first one's draft.
      .onConflict((oc) => oc.columns(['territory_id', 'person_id']).where('status', '=', 'draft').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw draftExists();
    ctx.emit(diagnosticEvents.started(ctx, input.id, row.id));
    return toDiagnostic(ctx.trx, territoryId, row);
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'diagnostic',
    details: { diagnosticId: output.id, from: input.from },
  }),
});
