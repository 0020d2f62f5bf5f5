import { peopleRoutes } from '@spie/contract/people';
import { sql } from 'kysely';
import { conflict, fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation, loadRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { buildPersonRecord } from './person.queries';

const r = peopleRoutes.mergePeople;
const input = r.params.extend(r.body.shape);

/** Tables whose rows belong to a person and move with a merge (and back with its undo). */
export const MERGED_TABLES = [
  'person_statuses',
  'follow_ups',
  'timeline_events',
  'documents',
  'person_consents',
  'person_information',
  'sensitive_notes',
] as const;
export type MergedTable = (typeof MERGED_TABLES)[number];

export const MERGE_END_REASON = 'fusion de dossiers';

/** What `person_merges.moved` remembers, so an undo moves back exactly what moved. */
export interface MovedRows {
  rows: Record<MergedTable, string[]>;
  /** Follow-ups the merge ended (a second référent, a professional in both teams), as they were. */
  endedFollowUps: { id: string; status: string; endedAt: string | null; endReason: string | null }[];
  /** Active consents of the duplicate that repeated one of the kept record's (same section, organisation). */
  withdrawnConsents: string[];
}

/**
 * Merges a duplicate into this record (territory admin, or the référent of both): everything
 * about the person moves to the kept record, the duplicate stays as a tombstone pointing to it.
 * The audit log is append-only: its rows keep the duplicate's id, and queries include it.
 */
export const mergePeople = defineUseCase({
  name: 'people.merge',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const kept = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    const duplicate = await loadPersonRelation(ctx.trx, ctx.actor, input.duplicateId);
    if (ctx.actor.role === 'territory_admin') return true;
    return kept.relation.teamRole === 'referent' && duplicate.relation.teamRole === 'referent';
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const keptId = input.id;
    const duplicateId = input.duplicateId;
    if (keptId === duplicateId)
      throw fieldError('merge.same_person', 'duplicateId', 'Choisissez un autre dossier que celui-ci.');
    const persons = await ctx.trx
      .selectFrom('persons')
      .select(['id', 'merged_into_id'])
      .where('territory_id', '=', t)
      .where('id', 'in', [keptId, duplicateId])
      .forUpdate()
      .execute();
    if (persons.some((p) => p.merged_into_id))
      throw conflict('merge.already_merged', 'L’un de ces dossiers a déjà été fusionné dans un autre.');

    const moved: MovedRows = {
      rows: Object.fromEntries(MERGED_TABLES.map((table) => [table, []])) as unknown as MovedRows['rows'],
      endedFollowUps: [],
      withdrawnConsents: [],
    };
    // One référent unique per person: the kept record's stays. A professional following both
    // records keeps the kept record's follow-up.
    const clashing = await ctx.trx
      .selectFrom('follow_ups as d')
      .select(['d.id', 'd.status', 'd.ended_at', 'd.end_reason'])
      .where('d.territory_id', '=', t)
      .where('d.person_id', '=', duplicateId)
      .where('d.status', '=', 'active')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('follow_ups as k')
            .select(sql`1`.as('one'))
            .whereRef('k.territory_id', '=', 'd.territory_id')
            .where('k.person_id', '=', keptId)
            .where('k.status', '=', 'active')
            .where((w) =>
              w.or([
                w.and([w('k.role', '=', 'referent'), w('d.role', '=', 'referent')]),
                w.and([
                  w('k.organisation_id', '=', w.ref('d.organisation_id')),
                  sql<boolean>`k.account_id is not distinct from d.account_id`,
                ]),
              ]),
            ),
        ),
      )
      .execute();
    for (const f of clashing) {
      moved.endedFollowUps.push({
        id: f.id,
        status: f.status,
        endedAt: f.ended_at?.toISOString() ?? null,
        endReason: f.end_reason,
      });
    }
    if (clashing.length > 0) {
      await ctx.trx
        .updateTable('follow_ups')
        .set({ status: 'ended', ended_at: ctx.now, end_reason: MERGE_END_REASON })
        .where('territory_id', '=', t)
        .where(
          'id',
          'in',
          clashing.map((f) => f.id),
        )
        .execute();
    }
    const repeatedConsents = await ctx.trx
      .selectFrom('person_consents as d')
      .select('d.id')
      .where('d.territory_id', '=', t)
      .where('d.person_id', '=', duplicateId)
      .where('d.withdrawn_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_consents as k')
            .select(sql`1`.as('one'))
            .whereRef('k.territory_id', '=', 'd.territory_id')
            .where('k.person_id', '=', keptId)
            .where('k.withdrawn_at', 'is', null)
            .whereRef('k.section', '=', 'd.section')
            .whereRef('k.organisation_id', '=', 'd.organisation_id'),
        ),
      )
      .execute();
    moved.withdrawnConsents = repeatedConsents.map((c) => c.id);
    if (moved.withdrawnConsents.length > 0) {
      await ctx.trx
        .updateTable('person_consents')
        .set({ withdrawn_at: ctx.now })
        .where('territory_id', '=', t)
        .where('id', 'in', moved.withdrawnConsents)
        .execute();
    }
    for (const table of MERGED_TABLES) {
      const rows = await ctx.trx
        .updateTable(table)
        .set({ person_id: keptId })
        .where('territory_id', '=', t)
        .where('person_id', '=', duplicateId)
        .returning('id')
        .execute();
      moved.rows[table] = rows.map((row) => row.id).sort();
    }
    await ctx.trx
      .updateTable('persons')
      .set({ merged_into_id: keptId, merged_at: ctx.now })
      .where('territory_id', '=', t)
      .where('id', '=', duplicateId)
      .execute();
    const { id: mergeId } = await ctx.trx
      .insertInto('person_merges')
      .values({
        territory_id: t,
        kept_id: keptId,
        merged_id: duplicateId,
        moved: JSON.stringify(moved),
        reason: input.reason,
        merged_by_account_id: ctx.actor.accountId,
        merged_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.emit(
      personEvent(
        ctx,
        'PeopleMerged',
        keptId,
        { section: 'identity', summary: 'Un dossier en double a été fusionné dans ce dossier' },
        { mergeId, duplicateId },
      ),
    );
    // The duplicate's own consultation log says where it went (its rows keep its id).
    await ctx.audit({
      action: 'people.merge',
      subjectType: 'person',
      subjectId: duplicateId,
      personId: duplicateId,
      details: { keptId, mergeId },
    });
    const relation = await loadRelation(ctx.trx, ctx.actor, keptId);
    const { record } = await buildPersonRecord(ctx.trx, ctx.actor, keptId, relation, ctx.now);
    return { mergeId, kept: record };
  },
  auditSubject: (input, output) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    details: { duplicateId: input.duplicateId, mergeId: output.mergeId },
  }),
});
