import type { StatusKind, TeamRole } from '@spie/contract/people';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import { visibleTo } from './people.relation';

export interface CaseloadFilter {
  scope: 'mine' | 'organisation';
  role?: TeamRole | undefined;
  status?: StatusKind | undefined;
  sort: 'name' | 'recent';
  after?: string | undefined;
  limit: number;
}

/**
 * "Mes personnes accompagnées": one query over the active follow-ups of the caller (or of their
 * organisation), with the sort key computed in the same pass; the page's details come from
 * `personSummaries` in one more query. Both use the follow_ups indexes, never one query per row.
 */
export async function caseloadIds(
  db: Db,
  actor: MemberActor,
  filter: CaseloadFilter,
  today: string,
): Promise<{ ids: string[]; next: string | null }> {
  const scoped = (alias: string) => {
    const f = sql.raw(alias);
    return sql`${f}.territory_id = persons.territory_id and ${f}.person_id = persons.id
      and ${f}.status = 'active' and ${f}.organisation_id = ${actor.organisationId}
      ${filter.scope === 'mine' ? sql`and ${f}.account_id = ${actor.accountId}` : sql``}
      ${filter.role ? sql`and ${f}.role = ${filter.role}` : sql``}`;
  };
  const since = sql<Date>`(select date_trunc('milliseconds', max(coalesce(cf.started_at, cf.created_at))) from follow_ups cf where ${scoped('cf')})`;
  let query = db
    .selectFrom('persons')
    .where(visibleTo(actor))
    .where(sql<boolean>`exists (select 1 from follow_ups sf where ${scoped('sf')})`);
  if (filter.status) {
    query = query.where(
      sql<boolean>`exists (select 1 from person_statuses st
        where st.territory_id = persons.territory_id and st.person_id = persons.id and st.kind = ${filter.status}
          and st.start_date <= ${today} and (st.end_date is null or st.end_date >= ${today}))`,
    );
  }
  const byName = filter.sort === 'name';
  const cursor = decodeCursor(
    filter.after,
    2,
    (v) => (byName ? typeof v[0] === 'string' : isTimestampValue(v[0])) && isUuidValue(v[1]),
  );
  if (cursor) {
    const [k, id] = cursor;
    query = byName
      ? query.where(sql<boolean>`(persons.search_text, persons.id) > (${k}, ${id}::uuid)`)
      : query.where(
          sql<boolean>`(${since} < ${k}::timestamptz or (${since} = ${k}::timestamptz and persons.id > ${id}::uuid))`,
        );
  }
  const rows = await query
    .select(['persons.id', 'persons.search_text', since.as('since')])
    .$if(byName, (q) => q.orderBy('persons.search_text').orderBy('persons.id'))
    .$if(!byName, (q) => q.orderBy(sql`since desc`).orderBy('persons.id'))
    .limit(filter.limit + 1)
    .execute();
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    ids: pageRows.map((r) => r.id),
    next:
      rows.length > filter.limit && last
        ? encodeCursor([byName ? last.search_text : new Date(last.since).toISOString(), last.id])
        : null,
  };
}
