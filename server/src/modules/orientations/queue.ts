import type { Path } from '@spie/contract/diagnostics';
import {
  type OrientationSource,
  type OrientationStatus,
  orientationsRoutes,
  type QueueItem,
} from '@spie/contract/orientations';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, Orientations, Persons } from '../../db/schema';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { displayName, parisToday } from '../people';

const r = orientationsRoutes.queue;
const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * « À orienter »: people waiting for a decision, nearest deadline first (overdue ones lead), read
 * along the index orientations_queue (territory, deadline, id) with a keyset cursor; the counts
 * cover the whole filtered queue.
 */
export const orientationQueue = defineUseCase({
  name: 'orientations.queue',
  kind: 'query',
  input: r.query,
  authorize: (ctx) => ctx.actor.role === 'orientation_manager',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const today = parisToday(ctx.now);
    const after = decodeCursor(input.after, 2, ([d, id]) => isDate(d) && isUuidValue(id));
    const filtered = (eb: ExpressionBuilder<DB & { o: Orientations; p: Persons }, 'o' | 'p'>) => {
      const and: Expression<SqlBool>[] = [
        eb('o.territory_id', '=', t),
        eb('o.status', 'in', input.status ? [input.status] : ['a_orienter', 'proposee']),
        eb('p.merged_into_id', 'is', null),
      ];
      if (input.communeCode) and.push(eb('p.commune_code', '=', input.communeCode));
      if (input.householdRole) and.push(eb('p.household_role', '=', input.householdRole));
      if (input.source) and.push(eb('o.source', '=', input.source));
      if (input.recommendedPath === 'none') and.push(eb('o.recommended_path', 'is', null));
      else if (input.recommendedPath) and.push(eb('o.recommended_path', '=', input.recommendedPath));
      if (input.overdueOnly) and.push(eb('o.deadline', '<', today));
      return eb.and(and);
    };
    // One person per queue row, looked up by primary key (LIMIT 1 keeps it a per-row lookup: a
    // plain join lets the planner hash the whole persons table to count a few thousand rows).
    const base = ctx.trx.selectFrom('orientations as o').innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('persons')
          .selectAll('persons')
          .whereRef('persons.territory_id', '=', 'o.territory_id')
          .whereRef('persons.id', '=', 'o.person_id')
          .limit(1)
          .as('p'),
      (j) => j.onTrue(),
    );
    let page = base
      .where(filtered)
      .leftJoin('communes as c', 'c.code', 'p.commune_code')
      .select([
        'o.id',
        'o.person_id',
        'o.status',
        'o.source',
        'o.information_received_on',
        'o.deadline',
        'o.recommended_path',
        sql<string | null>`o.proposal->>'path'`.as('proposed_path'),
        sql<number | null>`o.deadline - ${today}::date`.as('days_left'),
        'p.first_names',
        'p.birth_name',
        'p.usage_name',
        'p.birth_date',
        'p.commune_code',
        'c.name as commune_name',
        'p.household_role',
      ]);
    if (after) page = page.where(sql<boolean>`(o.deadline, o.id) > (${after[0]}::date, ${after[1]}::uuid)`);
    const rows = await page
      .orderBy('o.deadline')
      .orderBy('o.id')
      .limit(input.limit + 1)
      .execute();
    // Counts: without a filter on the person, from the queue index alone (merged records excluded
    // through their small partial index) — a join would make the planner read every person.
    const personFilter = Boolean(input.communeCode || input.householdRole);
    const counted = personFilter
      ? base.where(filtered)
      : ctx.trx
          .selectFrom('orientations as o')
          .where('o.territory_id', '=', t)
          .where('o.status', 'in', input.status ? [input.status] : ['a_orienter', 'proposee'])
          .$if(Boolean(input.source), (q) => q.where('o.source', '=', input.source as OrientationSource))
          .$if(input.recommendedPath === 'none', (q) => q.where('o.recommended_path', 'is', null))
          .$if(Boolean(input.recommendedPath && input.recommendedPath !== 'none'), (q) =>
            q.where('o.recommended_path', '=', input.recommendedPath as Path),
          )
          .$if(Boolean(input.overdueOnly), (q) => q.where('o.deadline', '<', today))
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('persons as m')
                  .select('m.id')
                  .whereRef('m.territory_id', '=', 'o.territory_id')
                  .whereRef('m.id', '=', 'o.person_id')
                  .where('m.merged_into_id', 'is not', null),
              ),
            ),
          );
    const counts = await counted
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`(count(*) filter (where o.deadline < ${today}::date))::int`.as('overdue'),
      ])
      .executeTakeFirstOrThrow();
    const items: QueueItem[] = rows.slice(0, input.limit).map((row) => ({
      orientationId: row.id,
      personId: row.person_id,
      displayName: displayName(row),
      birthDate: row.birth_date,
      communeCode: row.commune_code,
      communeName: row.commune_name,
      householdRole: row.household_role as QueueItem['householdRole'],
      source: row.source as OrientationSource,
      status: row.status as OrientationStatus,
      informationReceivedOn: row.information_received_on,
      deadline: row.deadline,
      daysLeft: row.days_left === null ? null : Number(row.days_left),
      recommendedPath: row.recommended_path as Path | null,
      proposedPath: row.proposed_path as Path | null,
    }));
    const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
    return {
      items,
      next: last?.deadline ? encodeCursor([last.deadline, last.id]) : null,
      total: counts.total,
      overdue: counts.overdue,
    };
  },
});
