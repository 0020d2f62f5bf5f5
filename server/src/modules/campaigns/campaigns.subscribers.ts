import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { markContactInvalid } from '../people';

/**
 * A campaign appointment honoured: the person's outcome is « rendez-vous honoré »; corrected
 * away from honoured, it goes back to « rendez-vous pris » (booked from the link) or « sans
 * réponse » (convoked).
 */
export async function onAppointmentStatusChanged(deps: Deps, event: StoredEvent): Promise<void> {
  const p = event.payload as {
    appointmentId?: string;
    status?: string;
    previousStatus?: string;
    campaignId?: string;
  };
  if (!event.territoryId || !p.campaignId || !p.appointmentId) return;
  const db = deps.database.db;
  const base = db
    .updateTable('campaign_recipients')
    .where('territory_id', '=', event.territoryId)
    .where('appointment_id', '=', p.appointmentId);
  if (p.status === 'honore') {
    await base.set({ outcome: 'rendez_vous_honore', updated_at: event.occurredAt }).execute();
  } else if (p.previousStatus === 'honore') {
    await base
      .set((eb) => ({
        outcome: eb.case().when('answer', '=', 'creneau').then('rendez_vous_pris').else('sans_reponse').end(),
        updated_at: event.occurredAt,
      }))
      .where('outcome', '=', 'rendez_vous_honore')
      .execute();
  }
}

interface Undeliverable {
  personId?: string | null;
  notificationId?: string;
  channel?: string;
  relatedKind?: string | null;
  relatedId?: string | null;
}

/** A campaign message that could not be delivered: delivery « non remis », the person unreachable. */
export async function onUndeliverableForCampaign(deps: Deps, event: StoredEvent): Promise<void> {
  const p = event.payload as Undeliverable;
  if (!event.territoryId || p.relatedKind !== 'campaign_recipient' || !p.relatedId) return;
  await deps.database.db
    .updateTable('campaign_recipients')
    .set((eb) => ({
      delivery: 'echec',
      outcome: eb
        .case()
        .when('outcome', 'in', ['en_attente', 'sans_reponse'])
        .then('injoignable')
        .else(eb.ref('outcome'))
        .end(),
      updated_at: event.occurredAt,
    }))
    .where('territory_id', '=', event.territoryId)
    .where('id', '=', p.relatedId)
    .execute();
}

/**
 * Any message to a person found undeliverable flags their phone or e-mail « à vérifier » on the
 * record, if it is still the one the message went to. (Done here rather than by the notifications
 * module, which the people module already depends on.)
 */
export async function flagInvalidContact(deps: Deps, event: StoredEvent): Promise<void> {
  const p = event.payload as Undeliverable;
  if (!event.territoryId || !p.personId || !p.notificationId) return;
  if (p.channel !== 'sms' && p.channel !== 'email') return;
  const n = await deps.database.db
    .selectFrom('notifications')
    .select('recipient')
    .where('territory_id', '=', event.territoryId)
    .where('id', '=', p.notificationId)
    .executeTakeFirst();
  if (!n) return;
  await markContactInvalid(
    deps.database.db,
    event.territoryId,
    p.personId,
    p.channel,
    event.occurredAt,
    n.recipient,
  );
}
