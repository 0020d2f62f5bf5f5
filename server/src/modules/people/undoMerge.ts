import { peopleRoutes } from '@spie/contract/people';
import { conflict, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { MERGED_TABLES, type MovedRows } from './mergePeople';
import { loadRelation } from './people.relation';
import { personEvent } from './people.timeline';

export const UNDO_MERGE_DAYS = 30;

const mergeNotFound = () => notFound('merge.not_found', 'Fusion introuvable.');

/**
 * Undoes a merge within 30 days: moves back exactly the rows the merge moved (ids kept in
 * `person_merges.moved`), restores what it ended or withdrew, and revives the duplicate.
 */
export const undoMerge = defineUseCase({
  name: 'people.undoMerge',
  kind: 'command',
  input: peopleRoutes.undoMerge.params,
  authorize: async (ctx, input) => {
    const merge = await ctx.trx
      .selectFrom('person_merges')
      .select(['kept_id'])
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!merge) throw mergeNotFound();
    if (ctx.actor.role === 'territory_admin') return true;
    return (await loadRelation(ctx.trx, ctx.actor, merge.kept_id)).teamRole === 'referent';
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const merge = await ctx.trx
      .selectFrom('person_merges')
      .selectAll()
      .where('territory_id', '=', t)
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!merge) throw mergeNotFound();
    if (merge.undone_at) throw conflict('merge.already_undone', 'Cette fusion a déjà été annulée.');
    if (ctx.now.getTime() - merge.merged_at.getTime() > UNDO_MERGE_DAYS * 24 * 3600 * 1000)
      throw conflict(
        'merge.too_late',
        `Une fusion ne peut être annulée que dans les ${UNDO_MERGE_DAYS} jours.`,
      );
    const moved = merge.moved as unknown as MovedRows;
    for (const table of MERGED_TABLES) {
      const ids = moved.rows[table] ?? [];
      if (ids.length === 0) continue;
      await ctx.trx
        .updateTable(table)
        .set({ person_id: merge.merged_id })
        .where('territory_id', '=', t)
        .where('person_id', '=', merge.kept_id)
        .where('id', 'in', ids)
        .execute();
    }
    for (const f of moved.endedFollowUps) {
      await ctx.trx
        .updateTable('follow_ups')
        .set({ status: f.status, ended_at: f.endedAt, end_reason: f.endReason })
        .where('territory_id', '=', t)
        .where('id', '=', f.id)
        .execute();
    }
    if (moved.withdrawnConsents.length > 0) {
      await ctx.trx
        .updateTable('person_consents')
        .set({ withdrawn_at: null })
        .where('territory_id', '=', t)
        .where('id', 'in', moved.withdrawnConsents)
        .execute();
    }
    await ctx.trx
      .updateTable('persons')
      .set({ merged_into_id: null, merged_at: null })
      .where('territory_id', '=', t)
      .where('id', '=', merge.merged_id)
      .execute();
    await ctx.trx
      .updateTable('person_merges')
      .set({ undone_at: ctx.now })
      .where('id', '=', merge.id)
      .execute();
    for (const personId of [merge.kept_id, merge.merged_id]) {
      ctx.emit(
        personEvent(
          ctx,
          'MergeUndone',
          personId,
          {
            section: 'identity',
            summary: 'Fusion de dossiers annulée : les deux dossiers sont de nouveau séparés',
          },
          { mergeId: merge.id },
        ),
      );
    }
    await ctx.audit({
      action: 'people.undoMerge',
      subjectType: 'person_merge',
      subjectId: merge.id,
      personId: merge.merged_id,
      details: { keptId: merge.kept_id },
    });
    await ctx.audit({
      action: 'people.undoMerge',
      subjectType: 'person_merge',
      subjectId: merge.id,
      personId: merge.kept_id,
      details: { duplicateId: merge.merged_id },
    });
    return { ok: true as const };
  },
  audit: 'manual',
});
