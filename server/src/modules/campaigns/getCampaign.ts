import { campaignsRoutes } from '@spie/contract/campaigns';
import { defineUseCase } from '../../kernel/useCase';
import { loadCampaign, mayHandleCampaign } from './campaigns.access';
import { campaignView } from './campaigns.view';

/** One campaign and its report: counts overall and by channel, slots and places booked. */
export const getCampaign = defineUseCase({
  name: 'campaigns.get',
  kind: 'query',
  input: campaignsRoutes.get.params,
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input) => campaignView(ctx.trx, await loadCampaign(ctx, input.id)),
});
