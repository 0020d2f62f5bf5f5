import {
  type CampaignChannel,
  campaignsRoutes,
  type DeliveryStatus,
  type RecipientOutcome,
  type RecipientStep,
  recipientOutcomes,
} from '@spie/contract/campaigns';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { displayName } from '../people';
import { loadCampaign, mayHandleCampaign } from './campaigns.access';

/** Sorted by name: the name in use, then the first name (the same key the cursor carries). */
export const sortKey = sql<string>`lower(coalesce(p.usage_name, p.birth_name) || ' ' || coalesce(p.first_names[1], ''))`;

export function recipientsQuery(trx: Transaction<DB>, territoryId: string, campaignId: string) {
  return trx
    .selectFrom('campaign_recipients as r')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
    )
    .leftJoin('appointments as a', (j) =>
      j.onRef('a.territory_id', '=', 'r.territory_id').onRef('a.id', '=', 'r.appointment_id'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.channel',
      'r.step',
      'r.outcome',
      'r.delivery',
      'r.invited_at',
      'r.reminded_at',
      'r.answered_at',
      'r.answer',
      'r.convoked_at',
      'r.appointment_id',
      'a.starts_at as appointment_starts_at',
      'a.status as appointment_status',
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      sortKey.as('sort_key'),
    ])
    .where('r.territory_id', '=', territoryId)
    .where('r.campaign_id', '=', campaignId);
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The people of a campaign and each one's result, by pages (filter by outcome), with counts. */
export const campaignRecipients = defineUseCase({
  name: 'campaigns.recipients',
  kind: 'query',
  input: campaignsRoutes.recipients.params.extend(campaignsRoutes.recipients.query.shape),
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input) => {
    const c = await loadCampaign(ctx, input.id);
    const t = c.territory_id;
    const cursor = decodeCursor(input.after, 2, (v) => typeof v[0] === 'string' && isUuidValue(v[1]));
    const rows = await recipientsQuery(ctx.trx, t, c.id)
      .$if(input.outcome !== undefined, (q) => q.where('r.outcome', '=', input.outcome as RecipientOutcome))
      .$if(cursor !== null, (q) =>
        q.where(sql<boolean>`(${sortKey}, r.id) > (${String(cursor?.[0])}, ${String(cursor?.[1])}::uuid)`),
      )
      .orderBy(sortKey)
      .orderBy('r.id')
      .limit(input.limit + 1)
      .execute();
    const counted = await ctx.trx
      .selectFrom('campaign_recipients')
      .select(['outcome', ctx.trx.fn.countAll<number>().as('n')])
      .where('territory_id', '=', t)
      .where('campaign_id', '=', c.id)
      .groupBy('outcome')
      .execute();
    const counts = Object.fromEntries(recipientOutcomes.map((o) => [o, 0])) as Record<
      RecipientOutcome,
      number
    >;
    for (const r of counted) counts[r.outcome as RecipientOutcome] = Number(r.n);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    await ctx.audit({
      action: 'campaigns.recipients',
      subjectType: 'campaign',
      subjectId: c.id,
      details: { listed: page.length, outcome: input.outcome ?? null },
    });
    return {
      items: page.map((r) => ({
        id: r.id,
        personId: r.person_id,
        displayName: displayName(r),
        channel: r.channel as CampaignChannel | null,
        step: r.step as RecipientStep,
        outcome: r.outcome as RecipientOutcome,
        delivery: r.delivery as DeliveryStatus,
        invitedAt: iso(r.invited_at),
        remindedAt: iso(r.reminded_at),
        answeredAt: iso(r.answered_at),
        appointmentId: r.appointment_id,
        appointmentStartsAt: iso(r.appointment_starts_at),
      })),
      next: rows.length > input.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
      counts,
    };
  },
});
