import type { consultationEntry, Section } from '@spie/contract/people';
import { sections as allSections } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../kernel/cursor';

type ConsultationEntry = z.infer<typeof consultationEntry>;

/** Audit actions that only read; every other action about a person changed something. */
const READ_ACTIONS = new Set([
  'people.read',
  'people.get',
  'people.readSensitive',
  'people.revealNir',
  'people.timeline',
  'people.team',
  'people.consents',
  'people.documents',
  'people.downloadDocument',
  'people.consultations',
]);
const READ_PATTERN = /\.(read|get|list|search|view|reveal|download|export)/i;

export const isReadAction = (action: string) => READ_ACTIONS.has(action) || READ_PATTERN.test(action);

const SECTIONS = new Set<string>(allSections);

/** The sections an audit row is about: `details.sections` (whole-record reads), else `section`. */
function sectionsOf(section: string | null, details: unknown): Section[] {
  const listed = (details as { sections?: unknown } | null)?.sections;
  if (Array.isArray(listed))
    return listed.filter((s): s is Section => typeof s === 'string' && SECTIONS.has(s));
  return section && SECTIONS.has(section) ? [section as Section] : [];
}

/**
 * Who saw or changed the record, newest first, keyset on the audit sequence. The audit log is
 * append-only, so rows of records merged into this one keep their old person id: `personIds`
 * lists them all.
 */
export async function consultationsPage(
  trx: Transaction<DB>,
  territoryId: string,
  personIds: string[],
  page: { after?: string | undefined; limit: number },
): Promise<{ items: ConsultationEntry[]; next: string | null }> {
  const cursor = decodeCursor(page.after, 1, (v) => Number.isSafeInteger(v[0]) && Number(v[0]) > 0);
  let q = trx
    .selectFrom('audit_log as l')
    .leftJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select([
      'l.seq',
      'l.at',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('account_name'),
      'o.name as organisation_name',
      'l.role',
      'l.action',
      'l.section',
      'l.details',
    ])
    .where('l.person_id', 'in', personIds)
    .where('l.territory_id', '=', territoryId)
    .where('l.outcome', '=', 'success');
  if (cursor) q = q.where('l.seq', '<', Number(cursor[0]));
  const rows = await q
    .orderBy('l.seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => ({
      at: r.at.toISOString(),
      // Jobs and imports act without an account: their role says which (`system:import`).
      accountName: r.account_name ?? (r.role?.startsWith('system:') ? 'Traitement automatique' : null),
      organisationName: r.organisation_name,
      action: r.action,
      sections: sectionsOf(r.section, r.details),
      kind: isReadAction(r.action) ? 'read' : 'write',
    })),
    next: rows.length > page.limit && last ? encodeCursor([last.seq]) : null,
  };
}
