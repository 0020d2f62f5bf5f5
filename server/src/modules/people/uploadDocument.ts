import { createHash } from 'node:crypto';
import { documentCategoryLabels, MAX_DOCUMENT_BYTES, peopleRoutes } from '@spie/contract/people';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { documentEntries } from './documents';
import { decodeBase64, detectDocumentType, safeFilename } from './documentType';
import { personEvent } from './people.timeline';
import { maySection, requireNotMerged } from './sectionGuard';

const r = peopleRoutes.uploadDocument;
const input = r.params.extend(r.body.shape);

const tooLarge = () =>
  new DomainError('validation', 'document.too_large', 'Le fichier est vide ou dépasse 10 Mo.', [
    { path: 'contentBase64', message: 'Le fichier doit peser entre 1 octet et 10 Mo.' },
  ]);

/**
 * A document of the person (PDF, JPEG, PNG, ≤ 10 MB), visible per its section. The type is read
 * from the content, never trusted from the name: a renamed executable or web page is refused.
 */
export const uploadDocument = defineUseCase({
  name: 'people.uploadDocument',
  kind: 'command',
  input,
  authorize: (ctx, input) => maySection(ctx, input.id, input.section, 'write'),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const bytes = decodeBase64(input.contentBase64);
    if (!bytes)
      throw new DomainError('validation', 'document.invalid_content', 'Le fichier envoyé est illisible.', [
        { path: 'contentBase64', message: 'Contenu base64 invalide.' },
      ]);
    if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge();
    const type = await detectDocumentType(bytes);
    if (!type)
      throw new DomainError(
        'validation',
        'document.type_not_allowed',
        'Type de fichier non accepté : déposez un PDF, une image JPEG ou PNG.',
        [{ path: 'contentBase64', message: 'Seuls les fichiers PDF, JPEG et PNG sont acceptés.' }],
      );
    const { id } = await ctx.trx
      .insertInto('documents')
      .values({
        territory_id: t,
        person_id: input.id,
        category: input.category,
        section: input.section,
        filename: safeFilename(input.filename, type),
        content_type: type,
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        retention_until: input.retentionUntil,
        uploaded_by_account_id: ctx.actor.accountId,
        organisation_id: ctx.actor.organisationId,
        uploaded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The filename may name the person or their situation: the timeline says only the category.
    ctx.emit(
      personEvent(
        ctx,
        'DocumentUploaded',
        input.id,
        {
          section: input.section,
          summary: `Document déposé : ${documentCategoryLabels[input.category]}`,
          link: `/personnes/${input.id}/documents`,
        },
        { documentId: id },
      ),
    );
    const [entry] = await documentEntries(ctx.trx, t, { id });
    if (!entry) throw new Error('document row vanished');
    return entry;
  },
  auditSubject: (input, output) => ({
    subjectType: 'document',
    subjectId: output.id,
    personId: input.id,
    section: input.section,
  }),
});
