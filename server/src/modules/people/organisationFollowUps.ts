import { createHash } from 'node:crypto';
import type { documentCategories, Section } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Trx = Transaction<DB>;

/**
 * An organisation starts following people as a whole (follow-up without a named professional,
 * role intervenant): its structure manager can then see them and designate a référent. Set-based
 * for bulk decisions; people the organisation already follows that way are left as they are.
 * Returns the person ids that got a new follow-up.
 */
export async function addOrganisationFollowUps(
  trx: Trx,
  by: { territoryId: string; organisationId: string; accountId: string | null; now: Date; reason: string },
  personIds: string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await sql<{ person_id: string }>`
    insert into follow_ups (territory_id, person_id, organisation_id, account_id, role, status, reason,
      created_by_account_id, answered_by_account_id, created_at, started_at)
    select ${by.territoryId}::uuid, p.id, ${by.organisationId}::uuid, null, 'intervenant', 'active', ${by.reason},
      ${by.accountId}::uuid, ${by.accountId}::uuid, ${by.now}, ${by.now}
    from unnest(${personIds}::uuid[]) as p(id)
    where not exists (
      select 1 from follow_ups f
      where f.territory_id = ${by.territoryId} and f.person_id = p.id
        and f.organisation_id = ${by.organisationId} and f.account_id is null and f.status = 'active')
    returning person_id`.execute(trx);
  return rows.rows.map((r) => r.person_id);
}

/**
 * A document SPIE produced itself (a letter…), stored in the person's documents like an upload,
 * in the caller's transaction. No timeline entry here: the caller's own event says what it is.
 */
export async function storeGeneratedDocument(
  trx: Trx,
  d: {
    territoryId: string;
    personId: string;
    category: (typeof documentCategories)[number];
    section: Section;
    filename: string;
    contentType: 'application/pdf';
    bytes: Buffer;
    organisationId: string | null;
    at: Date;
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('documents')
    .values({
      territory_id: d.territoryId,
      person_id: d.personId,
      category: d.category,
      section: d.section,
      filename: d.filename,
      content_type: d.contentType,
      size_bytes: d.bytes.length,
      sha256: createHash('sha256').update(d.bytes).digest('hex'),
      content: d.bytes,
      retention_until: null,
      uploaded_by_account_id: null,
      organisation_id: d.organisationId,
      uploaded_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
