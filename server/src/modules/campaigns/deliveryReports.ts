import { campaignsRoutes } from '@spie/contract/campaigns';
import { sql } from 'kysely';
import type { SystemActor } from '../../kernel/actor';
import { defineUseCase } from '../../kernel/useCase';
import { applyDeliveryReports, undeliverableEvent } from '../notifications';

export const DELIVERY_REPORTS_ACTOR = 'messaging.deliveryReports';

/**
 * The SMS provider's delivery reports (webhook; the binding checks its key): each report updates
 * the notification it quotes (by provider id); a campaign recipient's delivery follows (« remis »,
 * « non remis »); a recipient reported invalid raises `NotificationUndeliverable` (contact data
 * « à vérifier », the person unreachable). A report received twice changes nothing.
 */
export const deliveryReports = defineUseCase({
  name: 'campaigns.deliveryReports',
  kind: 'command',
  actors: ['system'],
  input: campaignsRoutes.deliveryReports.body,
  authorize: (ctx) => (ctx.actor as SystemActor).name === DELIVERY_REPORTS_ACTOR,
  run: async (ctx, input) => {
    const found = await applyDeliveryReports(
      ctx.trx,
      input.reports.map((r) => {
        const at = r.at ? new Date(r.at) : ctx.now;
        return { providerId: r.providerId, status: r.status, at: Number.isNaN(at.getTime()) ? ctx.now : at };
      }),
    );
    const changed = found.filter((n) => n.changed);
    const ofRecipients = (delivery: string) =>
      changed.filter((n) => n.relatedKind === 'campaign_recipient' && n.relatedId && n.delivery === delivery);
    const delivered = ofRecipients('delivered');
    if (delivered.length > 0) {
      await sql`
        update campaign_recipients r set delivery = 'remis', updated_at = ${ctx.now}
        from unnest(${delivered.map((n) => n.territoryId)}::uuid[], ${delivered.map((n) => n.relatedId)}::uuid[],
                    ${delivered.map((n) => n.id)}::uuid[]) as v(territory_id, id, notification_id)
        where r.territory_id = v.territory_id and r.id = v.id and r.last_notification_id = v.notification_id
          and r.delivery in ('en_attente', 'envoye')`.execute(ctx.trx);
    }
    const failed = ofRecipients('failed');
    if (failed.length > 0) {
      await sql`
        update campaign_recipients r set delivery = 'echec', updated_at = ${ctx.now}
        from unnest(${failed.map((n) => n.territoryId)}::uuid[], ${failed.map((n) => n.relatedId)}::uuid[],
                    ${failed.map((n) => n.id)}::uuid[]) as v(territory_id, id, notification_id)
        where r.territory_id = v.territory_id and r.id = v.id and r.last_notification_id = v.notification_id`.execute(
        ctx.trx,
      );
    }
    for (const n of changed.filter((x) => x.delivery === 'invalid_recipient')) {
      ctx.emit(
        undeliverableEvent({
          territory_id: n.territoryId,
          id: n.id,
          person_id: n.personId,
          channel: n.channel,
          related_kind: n.relatedKind,
          related_id: n.relatedId,
        }),
      );
    }
    return { applied: found.length, changed: changed.length };
  },
  auditSubject: (input, output) => ({
    subjectType: 'delivery_reports',
    details: { received: input.reports.length, applied: output.applied, changed: output.changed },
  }),
});
