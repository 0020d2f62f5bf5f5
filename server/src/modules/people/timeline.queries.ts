import type { Section, timelineEntry } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';

type TimelineEntry = z.infer<typeof timelineEntry>;

export interface TimelineFilter {
  type?: string | undefined;
  organisationId?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/**
 * A page of a person's journey, newest first, keyset on (occurred_at, id). Only entries of the
 * sections the caller may read are selected, in SQL (index timeline_person).
 */
export async function timelinePage(
  trx: Transaction<DB>,
  territoryId: string,
  personIds: string[],
  sections: Section[],
  filter: TimelineFilter,
): Promise<{ items: TimelineEntry[]; next: string | null }> {
  const cursor = decodeCursor(filter.after, 2, (v) => isTimestampValue(v[0]) && isUuidValue(v[1]));
  if (sections.length === 0 || personIds.length === 0) return { items: [], next: null };
  let q = trx
    .selectFrom('timeline_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'e.territory_id').onRef('o.id', '=', 'e.organisation_id'),
    )
    .select([
      'e.id',
      'e.occurred_at',
      'e.type',
      'e.section',
      'e.summary',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('actor_name'),
      'e.organisation_id',
      'o.name as organisation_name',
      'e.link',
    ])
    .where('e.territory_id', '=', territoryId)
    .where('e.person_id', 'in', personIds)
    .where('e.section', 'in', sections);
  if (filter.type) q = q.where('e.type', '=', filter.type);
  if (filter.organisationId) q = q.where('e.organisation_id', '=', filter.organisationId);
  if (cursor)
    q = q.where(
      sql<boolean>`(e.occurred_at, e.id) < (${new Date(String(cursor[0]))}, ${String(cursor[1])}::uuid)`,
    );
  const rows = await q
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      type: r.type,
      section: r.section as Section,
      summary: r.summary,
      actorName: r.actor_name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      link: r.link,
    })),
    next: rows.length > filter.limit && last ? encodeCursor([last.occurred_at.toISOString(), last.id]) : null,
  };
}
