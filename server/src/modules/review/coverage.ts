import { reviewRoutes } from '@spie/contract/review';
import { sql } from 'kysely';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, parisToday } from '../people';
import { mayViewScope, organisationOfScope } from './overview';
import { periodicReviewDays } from './review.queries';

const rate = (on: number, people: number) => (people === 0 ? null : Math.round((1000 * on) / people) / 10);

/**
 * « Points de situation » on time: among the people followed by a référent unique, those whose
 * last review (or, with none yet, the start of the follow-up) is less than the period old — the
 * people without a « point de situation à faire » alert. By référent for the caller (`mine`) or
 * an organisation, by organisation for the territory. Who may ask: as for the overview; `mine`
 * is everyone's own.
 */
export const coverage = defineUseCase({
  name: 'review.coverage',
  kind: 'query',
  input: reviewRoutes.coverage.query,
  authorize: (ctx, input) =>
    input.scope === 'mine'
      ? true
      : mayViewScope(ctx.actor, { scope: input.scope, organisationId: input.organisationId }),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const period = await periodicReviewDays(ctx.trx, t);
    const from = addDays(parisToday(ctx.now), -period);
    const byOrganisation = input.scope === 'territory';
    const scopeFilter =
      input.scope === 'mine'
        ? sql`and f.account_id = ${ctx.actor.accountId} and f.organisation_id = ${ctx.actor.organisationId}`
        : input.scope === 'organisation'
          ? sql`and f.organisation_id = ${(await organisationOfScope(ctx.trx, ctx.actor, input.organisationId)).id}`
          : sql``;
    const rows = await sql<{ id: string; name: string; people: number; on_time: number }>`
      with lr as (
        select r.person_id, max(r.reviewed_on) as reviewed_on
        from situation_reviews r
        where r.territory_id = ${t} and r.reviewed_on >= ${from}::date
        group by r.person_id
      )
      select ${byOrganisation ? sql`o.id, o.name` : sql`ac.id, ac.first_name || ' ' || ac.last_name as name`},
        count(*)::int as people,
        count(*) filter (where lr.reviewed_on is not null
          or (coalesce(f.started_at, f.created_at) at time zone 'Europe/Paris')::date >= ${from}::date)::int as on_time
      from follow_ups f
      join persons p on p.territory_id = f.territory_id and p.id = f.person_id and p.merged_into_id is null
      ${byOrganisation ? sql`join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id` : sql`join accounts ac on ac.id = f.account_id`}
      left join lr on lr.person_id = f.person_id
      where f.territory_id = ${t} and f.role = 'referent' and f.status = 'active' ${scopeFilter}
      group by ${byOrganisation ? sql`o.id, o.name` : sql`ac.id, ac.first_name, ac.last_name`}
      order by ${byOrganisation ? sql`o.name` : sql`ac.last_name, ac.first_name`}`.execute(ctx.trx);
    const people = rows.rows.reduce((n, r) => n + Number(r.people), 0);
    const onTime = rows.rows.reduce((n, r) => n + Number(r.on_time), 0);
    return {
      periodDays: period,
      total: { people, reviewedOnTime: onTime, rate: rate(onTime, people) },
      rows: rows.rows.map((r) => ({
        id: r.id,
        name: r.name,
        people: Number(r.people),
        reviewedOnTime: Number(r.on_time),
        rate: rate(Number(r.on_time), Number(r.people)),
      })),
    };
  },
});
