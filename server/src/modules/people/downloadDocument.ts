import type { Section } from '@spie/contract/people';
import { peopleRoutes } from '@spie/contract/people';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { may } from './people.access';
import { personAccess } from './sectionGuard';

const documentNotFound = () => notFound('document.not_found', 'Document introuvable ou non accessible.');

async function documentHeader(
  trx: Parameters<typeof personAccess>[0]['trx'],
  territoryId: string,
  id: string,
) {
  return trx
    .selectFrom('documents')
    .select(['id', 'person_id', 'section', 'filename', 'content_type'])
    .where('territory_id', '=', territoryId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface DocumentFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Downloads one document, if its section is readable; each download is audited. */
export const downloadDocument = defineUseCase({
  name: 'people.downloadDocument',
  kind: 'query',
  input: peopleRoutes.downloadDocument.params,
  authorize: async (ctx, input) => {
    const doc = await documentHeader(ctx.trx, ctx.actor.territoryId, input.id);
    if (!doc) throw documentNotFound();
    const { access } = await personAccess(ctx, doc.person_id);
    return may(access, doc.section as Section, 'read');
  },
  run: async (ctx, input): Promise<DocumentFile> => {
    const doc = await ctx.trx
      .selectFrom('documents')
      .select(['id', 'person_id', 'section', 'filename', 'content_type', 'content'])
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', input.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!doc?.content) throw documentNotFound();
    await ctx.audit({
      action: 'people.downloadDocument',
      subjectType: 'document',
      subjectId: doc.id,
      personId: doc.person_id,
      section: doc.section,
    });
    return {
      filename: doc.filename,
      contentType: doc.content_type,
      // pg gives a Buffer, PGlite a Uint8Array.
      content: Buffer.from(doc.content.buffer, doc.content.byteOffset, doc.content.byteLength),
    };
  },
});
