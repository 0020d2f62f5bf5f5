import { campaignsRoutes } from '@spie/contract/campaigns';
import { sql } from 'kysely';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadCampaign, mayHandleCampaign } from './campaigns.access';

export const CANCELLED_MESSAGE = 'Campagne annulée : message non envoyé.';

/**
 * Stops a campaign: nothing more is sent (messages still waiting are dropped, no reminder, the
 * links answer « plus valable »). Appointments already booked stay. Cancelling twice is harmless.
 */
export const cancelCampaign = defineUseCase({
  name: 'campaigns.cancel',
  kind: 'command',
  input: campaignsRoutes.cancel.params,
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input) => {
    const c = await loadCampaign(ctx, input.id, true);
    if (c.status === 'terminee') {
      throw conflict(
        'campaigns.already_ended',
        'Cette campagne est terminée : il n’y a plus rien à arrêter.',
      );
    }
    if (c.status === 'annulee') return { ok: true as const, dropped: 0 };
    await ctx.trx
      .updateTable('campaigns')
      .set({ status: 'annulee', ended_at: ctx.now })
      .where('territory_id', '=', c.territory_id)
      .where('id', '=', c.id)
      .execute();
    const dropped = await sql`
      update notifications n set status = 'failed', last_error = ${CANCELLED_MESSAGE}
      from campaign_recipients r
      where r.territory_id = ${c.territory_id}::uuid and r.campaign_id = ${c.id}::uuid
        and n.territory_id = r.territory_id and n.related_kind = 'campaign_recipient' and n.related_id = r.id
        and n.status = 'pending'`.execute(ctx.trx);
    return { ok: true as const, dropped: Number(dropped.numAffectedRows ?? 0) };
  },
  auditSubject: (input, output) => ({
    subjectType: 'campaign',
    subjectId: input.id,
    details: { droppedMessages: output.dropped },
  }),
});
