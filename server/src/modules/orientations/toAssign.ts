import type { Path } from '@spie/contract/diagnostics';
import { orientationsRoutes } from '@spie/contract/orientations';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { displayName } from '../people';

const r = orientationsRoutes.toAssign;

/**
 * « À affecter »: people oriented to the structure manager's organisation, decided or notified,
 * without a référent yet, oldest decision first (index orientations_to_assign, keyset).
 */
export const toAssign = defineUseCase({
  name: 'orientations.toAssign',
  kind: 'query',
  input: r.query,
  authorize: (ctx) => ctx.actor.role === 'structure_manager',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const after = decodeCursor(input.after, 2, ([at, id]) => isTimestampValue(at) && isUuidValue(id));
    let q = ctx.trx
      .selectFrom('orientations as o')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'o.territory_id').onRef('p.id', '=', 'o.person_id'),
      )
      .leftJoin('communes as c', 'c.code', 'p.commune_code')
      .leftJoin('accounts as pr', 'pr.id', 'o.proposed_referent_account_id')
      .select([
        'o.id',
        'o.person_id',
        'o.path',
        'o.decided_at',
        'o.notified_at',
        'o.contract_deadline',
        'o.proposed_referent_account_id',
        sql<string | null>`pr.first_name || ' ' || pr.last_name`.as('proposed_referent_name'),
        'p.first_names',
        'p.birth_name',
        'p.usage_name',
        'p.birth_date',
        'c.name as commune_name',
        (eb) =>
          eb
            .selectFrom('follow_ups as f')
            .innerJoin('accounts as a', 'a.id', 'f.account_id')
            .select(
              sql<string>`json_build_object('accountId', a.id, 'name', a.first_name || ' ' || a.last_name)::text`.as(
                'x',
              ),
            )
            .whereRef('f.territory_id', '=', 'o.territory_id')
            .whereRef('f.person_id', '=', 'o.person_id')
            .where('f.role', '=', 'referent')
            .where('f.status', '=', 'active')
            .limit(1)
            .as('previous_referent'),
      ])
      .where('o.territory_id', '=', t)
      .where('o.organisation_id', '=', ctx.actor.organisationId)
      .where('o.status', 'in', ['decidee', 'notifiee'])
      .where('p.merged_into_id', 'is', null);
    if (after)
      q = q.where(sql<boolean>`(o.decided_at, o.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await q
      .orderBy('o.decided_at')
      .orderBy('o.id')
      .limit(input.limit + 1)
      .execute();
    const items = rows.slice(0, input.limit).map((row) => ({
      orientationId: row.id,
      personId: row.person_id,
      displayName: displayName(row),
      birthDate: row.birth_date,
      communeName: row.commune_name,
      path: row.path as Path,
      decidedAt: (row.decided_at as Date).toISOString(),
      notifiedAt: row.notified_at?.toISOString() ?? null,
      contractDeadline: row.contract_deadline,
      proposedReferent:
        row.proposed_referent_account_id && row.proposed_referent_name
          ? { accountId: row.proposed_referent_account_id, name: row.proposed_referent_name }
          : null,
      previousReferent: row.previous_referent
        ? (JSON.parse(row.previous_referent) as { accountId: string; name: string })
        : null,
    }));
    const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
    return { items, next: last?.decided_at ? encodeCursor([last.decided_at.toISOString(), last.id]) : null };
  },
});
