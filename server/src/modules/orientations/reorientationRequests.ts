import { orientationsRoutes } from '@spie/contract/orientations';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { displayName } from '../people';
import { viewRequests } from './reorientations.store';

const r = orientationsRoutes.reorientationRequests;

/**
 * `pending`: requests waiting for an answer, oldest first (orientation managers);
 * `mine`: the caller's own requests, newest first (any référent).
 */
export const reorientationRequests = defineUseCase({
  name: 'orientations.reorientationRequests',
  kind: 'query',
  input: r.query,
  authorize: (ctx, input) => input.scope === 'mine' || ctx.actor.role === 'orientation_manager',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const after = decodeCursor(input.after, 2, ([at, id]) => isTimestampValue(at) && isUuidValue(id));
    let q = ctx.trx
      .selectFrom('reorientation_requests as q')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'q.territory_id').onRef('p.id', '=', 'q.person_id'),
      )
      .selectAll('q')
      .select(['p.first_names', 'p.birth_name', 'p.usage_name'])
      .where('q.territory_id', '=', t);
    if (input.scope === 'pending') {
      q = q.where('q.status', '=', 'demandee');
      if (after)
        q = q.where(sql<boolean>`(q.requested_at, q.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      q = q.orderBy('q.requested_at').orderBy('q.id');
    } else {
      q = q.where('q.requested_by_account_id', '=', ctx.actor.accountId);
      if (after)
        q = q.where(sql<boolean>`(q.requested_at, q.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      q = q.orderBy('q.requested_at', 'desc').orderBy('q.id', 'desc');
    }
    const rows = await q.limit(input.limit + 1).execute();
    const page = rows.slice(0, input.limit);
    const views = await viewRequests(ctx.trx, t, page);
    const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
    return {
      items: views.map((v, i) => ({
        ...v,
        personDisplayName: displayName(page[i] as (typeof page)[number]),
      })),
      next: last ? encodeCursor([last.requested_at.toISOString(), last.id]) : null,
    };
  },
});
