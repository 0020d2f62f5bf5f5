import type { sensitiveNote } from '@spie/contract/people';
import { peopleRoutes } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { FieldCrypto } from '../../kernel/crypto';
import { defineUseCase } from '../../kernel/useCase';
import { maySection } from './sectionGuard';

type SensitiveNote = z.infer<typeof sensitiveNote>;

export async function sensitiveNoteEntries(
  trx: Transaction<DB>,
  crypto: FieldCrypto,
  territoryId: string,
  where: { personId?: string; id?: string },
): Promise<SensitiveNote[]> {
  let q = trx
    .selectFrom('sensitive_notes as n')
    .leftJoin('accounts as a', 'a.id', 'n.author_account_id')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'n.territory_id').onRef('o.id', '=', 'n.organisation_id'),
    )
    .select([
      'n.id',
      'n.category',
      'n.text_encrypted',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('author_name'),
      'o.name as organisation_name',
      'n.created_at',
    ])
    .where('n.territory_id', '=', territoryId);
  if (where.personId) q = q.where('n.person_id', '=', where.personId);
  if (where.id) q = q.where('n.id', '=', where.id);
  const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category as SensitiveNote['category'],
    text: crypto.decrypt(r.text_encrypted),
    authorName: r.author_name,
    organisationName: r.organisation_name,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * Health, justice, violence: team members bound by professional secrecy (social workers), or of
 * an organisation named in the person's consent for this section (people.access.ts). Every read
 * is audited.
 */
export const sensitiveNotes = defineUseCase({
  name: 'people.sensitiveNotes',
  kind: 'query',
  input: peopleRoutes.sensitiveNotes.params,
  authorize: (ctx, input) => maySection(ctx, input.id, 'sensitive', 'read'),
  run: async (ctx, input) => {
    const items = await sensitiveNoteEntries(ctx.trx, ctx.deps.crypto, ctx.actor.territoryId, {
      personId: input.id,
    });
    await ctx.audit({
      action: 'people.readSensitive',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'sensitive',
      details: { count: items.length },
    });
    return { items };
  },
});
