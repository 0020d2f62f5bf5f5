import { campaignsRoutes, MAX_CAMPAIGN_PEOPLE } from '@spie/contract/campaigns';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { campaignOrganisation, mayRunCampaigns } from './campaigns.access';
import { fillMessage, SAMPLE_CODE, SAMPLE_FIRST_NAME } from './campaigns.messages';
import { countSelection } from './campaigns.selection';
import { invitationUrl } from './campaigns.tokens';

/**
 * Before launching: how many people, by which channel, how many cannot be reached (no usable
 * phone, e-mail or address), and the message as it will read. Counts only: no one's data.
 */
export const previewCampaign = defineUseCase({
  name: 'campaigns.preview',
  kind: 'query',
  input: campaignsRoutes.preview.body,
  authorize: (ctx) => mayRunCampaigns(ctx.actor),
  run: async (ctx, input) => {
    const { organisation, peopleOf } = await campaignOrganisation(ctx, input.selection);
    const counts = await countSelection(
      ctx.trx,
      { territoryId: ctx.actor.territoryId, peopleOf, today: parisToday(ctx.now) },
      input.selection,
    );
    return {
      people: counts.people,
      byChannel: counts.byChannel,
      withoutContact: counts.withoutContact,
      sample: input.message
        ? fillMessage(input.message, {
            prenom: SAMPLE_FIRST_NAME,
            structure: organisation.name,
            lien: invitationUrl(SAMPLE_CODE, ctx.deps.config.publicUrl),
          })
        : null,
      tooMany: counts.people > MAX_CAMPAIGN_PEOPLE,
    };
  },
});
