import { uuid } from '@spie/contract';
import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';
import { draftForWrite, mayDiagnostic } from './diagnostics.access';
import { diagnosticEvents } from './diagnostics.timeline';

/** Drops the draft in progress; validated versions stay as they are. */
export const discardDraft = defineUseCase({
  name: 'diagnostics.discardDraft',
  kind: 'command',
  input: z.object({ id: uuid }),
  authorize: (ctx, input) => mayDiagnostic(ctx, input.id, 'write'),
  run: async (ctx, input) => {
    const { territoryId } = ctx.actor;
    const draft = await draftForWrite(ctx, input.id);
    await ctx.trx
      .deleteFrom('diagnostics')
      .where('territory_id', '=', territoryId)
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .execute();
    ctx.emit(diagnosticEvents.discarded(ctx, input.id, draft.id));
    return { ok: true as const };
  },
  auditSubject: (input) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'diagnostic',
  }),
});
