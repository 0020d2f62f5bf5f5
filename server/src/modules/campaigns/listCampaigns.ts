import { campaignsRoutes } from '@spie/contract/campaigns';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import { defineUseCase } from '../../kernel/useCase';
import { mayRunCampaigns } from './campaigns.access';
import { summaries } from './campaigns.view';

/** The organisation's campaigns (the territory's for an admin), most recent first, by pages. */
export const listCampaigns = defineUseCase({
  name: 'campaigns.list',
  kind: 'query',
  input: campaignsRoutes.list.query,
  authorize: (ctx) => mayRunCampaigns(ctx.actor),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const cursor = decodeCursor(input.after, 2, (v) => isTimestampValue(v[0]) && isUuidValue(v[1]));
    const rows = await ctx.trx
      .selectFrom('campaigns')
      .selectAll()
      .where('territory_id', '=', t)
      .$if(ctx.actor.role !== 'territory_admin', (q) =>
        q.where('organisation_id', '=', ctx.actor.organisationId),
      )
      .$if(cursor !== null, (q) =>
        q.where(
          sql<boolean>`(launched_at, id) < (${new Date(String(cursor?.[0]))}, ${String(cursor?.[1])}::uuid)`,
        ),
      )
      .orderBy('launched_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit + 1)
      .execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: await summaries(ctx.trx, t, page),
      next:
        rows.length > input.limit && last ? encodeCursor([last.launched_at.toISOString(), last.id]) : null,
    };
  },
});
