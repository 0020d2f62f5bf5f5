import { peopleRoutes, sensitiveCategoryLabels } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import { maySection, requireNotMerged } from './sectionGuard';
import { sensitiveNoteEntries } from './sensitiveNotes';

const r = peopleRoutes.addSensitiveNote;
const input = r.params.extend(r.body.shape);

/** A short sensitive note, encrypted at rest; the timeline entry names only its category. */
export const addSensitiveNote = defineUseCase({
  name: 'people.addSensitiveNote',
  kind: 'command',
  input,
  authorize: (ctx, input) => maySection(ctx, input.id, 'sensitive', 'write'),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const { id } = await ctx.trx
      .insertInto('sensitive_notes')
      .values({
        territory_id: t,
        person_id: input.id,
        category: input.category,
        text_encrypted: ctx.deps.crypto.encrypt(input.text),
        author_account_id: ctx.actor.accountId,
        organisation_id: ctx.actor.organisationId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.emit(
      personEvent(ctx, 'SensitiveNoteAdded', input.id, {
        section: 'sensitive',
        summary: `Information sensible ajoutée (${sensitiveCategoryLabels[input.category]})`,
      }),
    );
    const [note] = await sensitiveNoteEntries(ctx.trx, ctx.deps.crypto, t, { id });
    if (!note) throw new Error('sensitive note vanished');
    return note;
  },
  auditSubject: (input, output) => ({
    subjectType: 'sensitive_note',
    subjectId: output.id,
    personId: input.id,
    section: 'sensitive',
  }),
});
