import type { documentEntry, Section } from '@spie/contract/people';
import { peopleRoutes } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { defineUseCase } from '../../kernel/useCase';
import { maySection, personAccess, readableSections } from './sectionGuard';

type DocumentEntry = z.infer<typeof documentEntry>;

export async function documentEntries(
  trx: Transaction<DB>,
  territoryId: string,
  where: { personId?: string; id?: string; sections?: Section[] },
): Promise<DocumentEntry[]> {
  if (where.sections && where.sections.length === 0) return [];
  let q = trx
    .selectFrom('documents as d')
    .leftJoin('accounts as a', 'a.id', 'd.uploaded_by_account_id')
    .select([
      'd.id',
      'd.category',
      'd.section',
      'd.filename',
      'd.content_type',
      'd.size_bytes',
      'd.uploaded_at',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('uploaded_by_name'),
      'd.retention_until',
    ])
    .where('d.territory_id', '=', territoryId)
    .where('d.deleted_at', 'is', null);
  if (where.personId) q = q.where('d.person_id', '=', where.personId);
  if (where.id) q = q.where('d.id', '=', where.id);
  if (where.sections) q = q.where('d.section', 'in', where.sections);
  const rows = await q.orderBy('d.uploaded_at', 'desc').orderBy('d.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category as DocumentEntry['category'],
    section: r.section as Section,
    filename: r.filename,
    contentType: r.content_type as DocumentEntry['contentType'],
    sizeBytes: r.size_bytes,
    uploadedAt: r.uploaded_at.toISOString(),
    uploadedByName: r.uploaded_by_name,
    retentionUntil: r.retention_until,
  }));
}

/** The person's documents the caller may see: each follows the rule of its section. */
export const listDocuments = defineUseCase({
  name: 'people.documents',
  kind: 'query',
  input: peopleRoutes.documents.params,
  authorize: (ctx, input) => maySection(ctx, input.id, 'documents', 'read'),
  run: async (ctx, input) => {
    const { access } = await personAccess(ctx, input.id);
    const items = await documentEntries(ctx.trx, ctx.actor.territoryId, {
      personId: input.id,
      sections: readableSections(access),
    });
    await ctx.audit({
      action: 'people.documents',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'documents',
    });
    return { items };
  },
});
