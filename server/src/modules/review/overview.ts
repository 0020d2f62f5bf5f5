import { type AlertRuleId, alertRuleById, alertRuleIds, reviewRoutes } from '@spie/contract/review';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';

type Scope = { scope: 'organisation' | 'territory'; organisationId?: string | undefined };

/**
 * Who sees which counts: a structure manager their organisation (rows by référent); a territory
 * admin or a steering viewer the territory (rows by organisation), and a territory admin also
 * one organisation of the territory (drill-down). Counts only, never a person's name.
 */
export function mayViewScope(actor: MemberActor, input: Scope): boolean {
  if (input.scope === 'territory')
    return actor.role === 'territory_admin' || actor.role === 'steering_viewer';
  if (actor.role === 'structure_manager')
    return input.organisationId === undefined || input.organisationId === actor.organisationId;
  return actor.role === 'territory_admin';
}

export async function organisationOfScope(db: Db, actor: MemberActor, organisationId: string | undefined) {
  const id = organisationId ?? actor.organisationId;
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('territory_id', '=', actor.territoryId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('review.organisation_not_found', 'Structure introuvable dans le territoire.');
  return org;
}

const ruleFilter = (ruleId: AlertRuleId | undefined) => (ruleId ? sql`and a.rule_id = ${ruleId}` : sql``);

interface CountRow {
  group_id: string | null;
  rule_id: string | null;
  /** 0: by group and rule; 1: by group; 2: by rule; 3: everything (GROUPING of group, rule). */
  level: number;
  alerts: number;
  people: number;
}

/**
 * Counts of open alerts by group (the référent's organisation for the territory, the référent
 * for an organisation: both kept on each open alert) and by rule, in one pass over the index
 * `alerts_open_referent` with grouping sets; and the people each group follows as référent.
 */
async function countAlerts(
  db: Db,
  territoryId: string,
  o: { organisationId: string | null; ruleId: AlertRuleId | undefined },
) {
  const t = territoryId;
  const group = o.organisationId ? sql.ref('a.referent_account_id') : sql.ref('a.referent_organisation_id');
  const [alerts, people] = await Promise.all([
    sql<CountRow>`
      select ${group} as group_id, a.rule_id, grouping(${group}, a.rule_id)::int as level,
        count(*)::int as alerts, count(distinct a.person_id)::int as people
      from alerts a
      where a.territory_id = ${t} and a.status <> 'resolue' ${ruleFilter(o.ruleId)}
        ${o.organisationId ? sql`and a.referent_organisation_id = ${o.organisationId}` : sql``}
      group by grouping sets ((${group}, a.rule_id), (${group}), (a.rule_id), ())`.execute(db),
    sql<{ group_id: string; people: number }>`
      select ${o.organisationId ? sql`f.account_id` : sql`f.organisation_id`} as group_id, count(*)::int as people
      from follow_ups f
      where f.territory_id = ${t} and f.role = 'referent' and f.status = 'active'
        ${o.organisationId ? sql`and f.organisation_id = ${o.organisationId} and f.account_id is not null` : sql``}
      group by 1`.execute(db),
  ]);
  return { alerts: alerts.rows, people: people.rows };
}

/** Counts by rule, and by référent (organisation) or by organisation (territory). */
export const overview = defineUseCase({
  name: 'review.overview',
  kind: 'query',
  input: reviewRoutes.overview.query,
  authorize: (ctx, input) => mayViewScope(ctx.actor, input),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const db = ctx.trx;
    if (input.scope === 'territory') {
      const [counts, names, persons] = await Promise.all([
        countAlerts(db, t, { organisationId: null, ruleId: input.ruleId }),
        db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('territory_id', '=', t)
          .orderBy('name')
          .execute(),
        db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('territory_id', '=', t)
          .where('merged_into_id', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return shape('territory', null, counts, new Map(names.map((n) => [n.id, n.name])), Number(persons.n));
    }
    const org = await organisationOfScope(db, ctx.actor, input.organisationId);
    const counts = await countAlerts(db, t, { organisationId: org.id, ruleId: input.ruleId });
    const accountIds = counts.people.map((p) => p.group_id);
    const names =
      accountIds.length === 0
        ? []
        : await db
            .selectFrom('accounts')
            .select(['id', 'first_name', 'last_name'])
            .where('id', 'in', accountIds)
            .orderBy('last_name')
            .orderBy('first_name')
            .execute();
    const people = counts.people.reduce((n, p) => n + Number(p.people), 0);
    return shape(
      'organisation',
      org,
      counts,
      new Map(names.map((n) => [n.id, `${n.first_name} ${n.last_name}`])),
      people,
    );
  },
});

/**
 * The answer: counts by rule, one row per group that follows people (in the order of `names`),
 * totals. In the organisation scope, the totals are the people whose référent is there.
 */
function shape(
  scope: 'organisation' | 'territory',
  organisation: { id: string; name: string } | null,
  counts: { alerts: CountRow[]; people: { group_id: string; people: number }[] },
  names: Map<string, string>,
  totalPeople: number,
) {
  const byRule = new Map(counts.alerts.filter((r) => r.level === 2).map((r) => [r.rule_id, r.alerts]));
  const byGroup = new Map(counts.alerts.filter((r) => r.level === 1).map((r) => [r.group_id, r]));
  const perGroup = new Map<string, Record<string, number>>();
  for (const r of counts.alerts.filter((x) => x.level === 0 && x.group_id)) {
    const c = perGroup.get(r.group_id as string) ?? {};
    c[r.rule_id as string] = Number(r.alerts);
    perGroup.set(r.group_id as string, c);
  }
  const peopleOf = new Map(counts.people.map((p) => [p.group_id, Number(p.people)]));
  const all = counts.alerts.find((r) => r.level === 3);
  return {
    scope,
    organisation,
    byRule: alertRuleIds.map((id) => ({
      ruleId: id,
      label: alertRuleById[id].label,
      severity: alertRuleById[id].severity,
      count: Number(byRule.get(id) ?? 0),
    })),
    byGroup: [...names.keys()]
      .filter((id) => peopleOf.has(id) || byGroup.has(id))
      .map((id) => ({
        id,
        name: names.get(id) as string,
        people: peopleOf.get(id) ?? 0,
        withAlerts: Number(byGroup.get(id)?.people ?? 0),
        counts: perGroup.get(id) ?? {},
      })),
    total: {
      people: totalPeople,
      withAlerts: Number(all?.people ?? 0),
      alerts: Number(all?.alerts ?? 0),
    },
  };
}
