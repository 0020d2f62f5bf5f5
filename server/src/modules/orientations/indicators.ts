import { pathLabels } from '@spie/contract/diagnostics';
import { leadKindLabels, orientationsRoutes } from '@spie/contract/orientations';
import { sql } from 'kysely';
import { defineUseCase } from '../../kernel/useCase';

const r = orientationsRoutes.indicators;
const TERRITORY_WIDE = ['orientation_manager', 'steering_viewer', 'territory_admin'];

/**
 * Orientation indicators over a period (Paris days, bounds included), read along the index
 * orientations_decided. "Within the delay": decided on or before the deadline (RSA information +
 * territory delay); orientations without a deadline (reorientations) count as oriented but are
 * outside the delay measure and the rate.
 */
export const orientationIndicators = defineUseCase({
  name: 'orientations.indicators',
  kind: 'query',
  input: r.query,
  authorize: (ctx, input) =>
    TERRITORY_WIDE.includes(ctx.actor.role) ||
    (ctx.actor.role === 'structure_manager' &&
      (input.organisationId === undefined || input.organisationId === ctx.actor.organisationId)),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    // A structure manager sees their own organisation only.
    const organisationId =
      ctx.actor.role === 'structure_manager' ? ctx.actor.organisationId : (input.organisationId ?? null);
    const fromTs = sql`(${input.from}::date::timestamp at time zone 'Europe/Paris')`;
    const toTs = sql`((${input.to}::date + 1)::timestamp at time zone 'Europe/Paris')`;
    const orgFilter = organisationId ? sql`and o.organisation_id = ${organisationId}` : sql``;
    const decidedDay = sql`(o.decided_at at time zone 'Europe/Paris')::date`;
    const rows = await sql<{
      g_path: number;
      g_lead: number;
      g_org: number;
      path: string | null;
      lead_kind: string | null;
      organisation_id: string | null;
      organisation_name: string | null;
      oriented: number;
      within_delay: number;
      with_deadline: number;
      median_days: number | null;
    }>`
      select grouping(o.path)::int as g_path, grouping(o.lead_kind)::int as g_lead,
        grouping(o.organisation_id, org.name)::int as g_org,
        o.path, o.lead_kind, o.organisation_id, org.name as organisation_name,
        count(*)::int as oriented,
        (count(*) filter (where o.deadline is not null and ${decidedDay} <= o.deadline))::int as within_delay,
        (count(*) filter (where o.deadline is not null))::int as with_deadline,
        percentile_cont(0.5) within group (order by (${decidedDay} - o.information_received_on))
          filter (where o.information_received_on is not null) as median_days
      from orientations o
      join organisations org on org.territory_id = o.territory_id and org.id = o.organisation_id
      where o.territory_id = ${t} and o.decided_at is not null
        and o.decided_at >= ${fromTs} and o.decided_at < ${toTs} ${orgFilter}
      group by grouping sets ((), (o.path), (o.lead_kind), (o.organisation_id, org.name))`.execute(ctx.trx);
    const total = rows.rows.find((x) => x.g_path === 1 && x.g_lead === 1 && x.g_org === 3);
    const split = (x: (typeof rows.rows)[number], key: string, label: string) => ({
      key,
      label,
      oriented: x.oriented,
      withinDelay: x.within_delay,
    });
    const byPath = rows.rows
      .filter((x) => x.g_path === 0)
      .map((x) => split(x, x.path ?? '', pathLabels[x.path as keyof typeof pathLabels] ?? x.path ?? ''));
    const byLeadKind = rows.rows
      .filter((x) => x.g_lead === 0)
      .map((x) =>
        split(x, x.lead_kind ?? '', leadKindLabels[x.lead_kind as keyof typeof leadKindLabels] ?? ''),
      );
    const byOrganisation = rows.rows
      .filter((x) => x.g_org === 0)
      .map((x) => split(x, x.organisation_id ?? '', x.organisation_name ?? ''))
      .sort((a, b) => b.oriented - a.oriented || a.label.localeCompare(b.label, 'fr'));
    const reorientations = await sql<{ requested: number; accepted: number }>`
      select
        (count(*) filter (where q.requested_at >= ${fromTs} and q.requested_at < ${toTs}))::int as requested,
        (count(*) filter (where q.status = 'acceptee' and q.answered_at >= ${fromTs} and q.answered_at < ${toTs}))::int as accepted
      from reorientation_requests q
      join orientations o on o.territory_id = q.territory_id and o.id = q.orientation_id
      where q.territory_id = ${t}
        and ((q.requested_at >= ${fromTs} and q.requested_at < ${toTs}) or (q.answered_at >= ${fromTs} and q.answered_at < ${toTs}))
        ${orgFilter}`.execute(ctx.trx);
    const oriented = total?.oriented ?? 0;
    const withDeadline = total?.with_deadline ?? 0;
    return {
      from: input.from,
      to: input.to,
      organisationId,
      oriented,
      medianDaysToOrientation:
        total?.median_days === null || total?.median_days === undefined ? null : Number(total.median_days),
      withinDelay: total?.within_delay ?? 0,
      withinDelayRate:
        withDeadline > 0 ? Math.round(((total?.within_delay ?? 0) / withDeadline) * 1000) / 10 : null,
      byPath,
      byLeadKind,
      byOrganisation,
      reorientationsRequested: reorientations.rows[0]?.requested ?? 0,
      reorientationsAccepted: reorientations.rows[0]?.accepted ?? 0,
      medianDaysToFirstAppointment: await medianDaysToFirstAppointment(),
    };
  },
});

/**
 * Median days from the decision to the first appointment held with the référent. There is no
 * appointments table yet (a later issue): the seam is here. Once it exists, join it as
 *   select percentile_cont(0.5) within group (order by first_held::date - decided_day)
 *   from orientations o cross join lateral (select min(a.starts_at) as first_held from appointments a
 *     where a.territory_id = o.territory_id and a.person_id = o.person_id and a.status = 'held'
 *       and a.starts_at >= o.decided_at) f
 *   where <the same period and organisation filter>
 * and return its value; until then, nothing can be measured: null.
 */
async function medianDaysToFirstAppointment(): Promise<number | null> {
  return null;
}
