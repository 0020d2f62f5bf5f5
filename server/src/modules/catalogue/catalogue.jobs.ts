import { defaultTerritorySettings, territorySettings } from '@spie/contract/territories';
import { runDailyJob } from '../../kernel/dailyJob';
import type { Deps } from '../../kernel/deps';
import { writeEvents } from '../../kernel/outbox';
import { type NewNotification, queueNotifications } from '../notifications';
import { addDays, frenchDate, parisToday } from '../people';

const managingRoles = ['professional', 'social_worker', 'structure_manager'];

/**
 * Freshness notices: services published or suspended whose date_maj is older than the territory's
 * `serviceFreshnessDays`, and not reminded since their last update (`freshness_reminded_at` is
 * cleared by every update and « marquer comme à jour »), get one notice to the members of their
 * owning organisation; `freshness_reminded_at` records it.
 */
export async function sendFreshnessReminders(deps: Deps): Promise<{ services: number; notices: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const today = parisToday(now);
  const territories = await db.selectFrom('territories').select(['id', 'settings']).execute();
  let services = 0;
  let notices = 0;
  for (const territory of territories) {
    const parsed = territorySettings.safeParse(territory.settings ?? {});
    const days = (parsed.success ? parsed.data : defaultTerritorySettings).serviceFreshnessDays;
    const before = addDays(today, -days);
    await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('catalogue_services')
        .select(['id', 'nom', 'date_maj', 'owner_organisation_id'])
        .where('territory_id', '=', territory.id)
        .where('status', 'in', ['publie', 'suspendu'])
        .where('date_maj', '<', before)
        .where('freshness_reminded_at', 'is', null)
        .where('owner_organisation_id', 'is not', null)
        .forUpdate()
        .execute();
      if (due.length === 0) return;
      const orgIds = [...new Set(due.map((s) => s.owner_organisation_id as string))];
      const members = await trx
        .selectFrom('memberships as m')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select(['m.organisation_id', 'a.id', 'a.email', 'a.first_name'])
        .where('m.territory_id', '=', territory.id)
        .where('m.organisation_id', 'in', orgIds)
        .where('m.role', 'in', managingRoles)
        .where('m.ended_at', 'is', null)
        .where('a.active', '=', true)
        .execute();
      const items: NewNotification[] = [];
      for (const service of due) {
        const seen = new Set<string>();
        for (const m of members) {
          if (m.organisation_id !== service.owner_organisation_id || seen.has(m.id)) continue;
          seen.add(m.id);
          items.push({
            territoryId: territory.id,
            channel: 'email',
            recipient: m.email,
            recipientAccountId: m.id,
            subject: `Votre offre « ${service.nom} » est-elle toujours à jour ?`,
            body: [
              `Bonjour ${m.first_name},`,
              '',
              `L’offre « ${service.nom} » n’a pas été mise à jour depuis le ${frenchDate(String(service.date_maj))}.`,
              'Vérifiez ses informations (places, sessions, contact), puis cliquez sur « Marquer comme à jour ».',
              '',
              `Pour la voir : /offres/${encodeURIComponent(service.id)}`,
              '',
              'L’équipe SPIE',
            ].join('\n'),
          });
        }
      }
      await queueNotifications(trx, items, now);
      await trx
        .updateTable('catalogue_services')
        .set({ freshness_reminded_at: now })
        .where('territory_id', '=', territory.id)
        .where(
          'id',
          'in',
          due.map((s) => s.id),
        )
        .execute();
      services += due.length;
      notices += items.length;
    });
  }
  return { services, notices };
}

/** Suspensions end by themselves: `suspended_until` before today → published again. */
export async function endSuspensions(deps: Deps): Promise<{ resumed: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const today = parisToday(now);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('catalogue_services')
      .set((eb) => ({
        status: 'publie',
        suspended_until: null,
        status_reason: null,
        revision: eb('revision', '+', 1),
        updated_at: now,
      }))
      .where('status', '=', 'suspendu')
      .where('suspended_until', '<', today)
      .returning(['territory_id', 'id'])
      .execute();
    await writeEvents(
      trx,
      rows.map((r) => ({
        type: 'ServiceUpdated',
        territoryId: r.territory_id,
        payload: { serviceId: r.id, change: 'status:publie' },
      })),
      now,
    );
    return { resumed: rows.length };
  });
}

/** The catalogue's daily jobs (whichever process gets there first each day). */
export function catalogueDailyJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [
    {
      name: 'catalogue.freshness',
      run: () =>
        runDailyJob(deps.database.db, deps.clock, 'catalogue.freshness', async () => ({
          ...(await endSuspensions(deps)),
          ...(await sendFreshnessReminders(deps)),
        })),
    },
  ];
}
