import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import { defineUseCase, execute } from '../../kernel/useCase';
import { parisToday } from '../people';
import { activateIfDue } from './recordSignature';

/** Signed contracts whose start date has come are started (one territory, once a day). */
const activateDueOfTerritory = defineUseCase({
  name: 'contracts.activateDue',
  kind: 'command',
  actors: ['system'],
  input: z.object({ territoryId: z.uuid() }),
  authorize: (ctx, input) => ctx.actor.territoryId === input.territoryId,
  run: async (ctx, input) => {
    const rows = await ctx.trx
      .selectFrom('engagement_contracts')
      .selectAll()
      .where('territory_id', '=', input.territoryId)
      .where('status', '=', 'signe')
      .where('start_on', '<=', parisToday(ctx.now))
      .forUpdate()
      .execute();
    let activated = 0;
    for (const row of rows) if (await activateIfDue(ctx, row)) activated++;
    return { activated };
  },
  auditSubject: (input, output) => ({
    subjectType: 'territory',
    subjectId: input.territoryId,
    details: output,
  }),
});

/** The daily job: every territory in turn. */
export async function activateDueContracts(deps: Deps): Promise<{ activated: number }> {
  const territories = await deps.database.db.selectFrom('territories').select('id').orderBy('id').execute();
  let activated = 0;
  for (const t of territories) {
    const r = await execute(
      deps,
      activateDueOfTerritory,
      { territoryId: t.id },
      systemActor('contracts.activateDue', t.id),
    );
    activated += r.activated;
  }
  return { activated };
}
