import { campaignsRoutes } from '@spie/contract/campaigns';
import { notFound } from '../../kernel/errors';
import { taggedPdf } from '../../kernel/pdf';
import { defineUseCase } from '../../kernel/useCase';
import { sortKey } from './campaignRecipients';
import { loadCampaign, mayHandleCampaign } from './campaigns.access';

export interface CampaignLetters {
  campaignName: string;
  organisationName: string;
  filename: string;
  letters: string[];
}

/**
 * The letters of a campaign's people reached by post, as stored in their letter notifications,
 * sorted by name. Rendering happens after the transaction (`renderLettersPdf`): a PDF of
 * thousands of pages must not hold the database.
 */
export const campaignLetters = defineUseCase({
  name: 'campaigns.lettersPdf',
  kind: 'query',
  input: campaignsRoutes.lettersPdf.params,
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input): Promise<CampaignLetters> => {
    const c = await loadCampaign(ctx, input.id);
    const rows = await ctx.trx
      .selectFrom('campaign_recipients as r')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
      )
      .innerJoin('notifications as n', (j) =>
        j.onRef('n.territory_id', '=', 'r.territory_id').onRef('n.id', '=', 'r.last_notification_id'),
      )
      .select(['n.body'])
      .where('r.territory_id', '=', c.territory_id)
      .where('r.campaign_id', '=', c.id)
      .where('r.channel', '=', 'letter')
      .where('n.channel', '=', 'letter')
      .where('n.status', '<>', 'failed')
      .orderBy(sortKey)
      .orderBy('r.id')
      .execute();
    if (rows.length === 0) {
      throw notFound('campaigns.no_letters', 'Aucune personne de cette campagne n’est invitée par courrier.');
    }
    const organisation = await ctx.trx
      .selectFrom('organisations')
      .select('name')
      .where('territory_id', '=', c.territory_id)
      .where('id', '=', c.organisation_id)
      .executeTakeFirstOrThrow();
    await ctx.audit({
      action: 'campaigns.lettersPdf',
      subjectType: 'campaign',
      subjectId: c.id,
      details: { letters: rows.length },
    });
    return {
      campaignName: c.name,
      organisationName: organisation.name,
      filename: `courriers-campagne-${c.launched_at.toISOString().slice(0, 10)}.pdf`,
      letters: rows.map((r) => r.body),
    };
  },
});

/**
 * One tagged PDF (French, real text, headings a screen reader follows), one page per letter:
 * the blocks of the letter's text are its paragraphs, the « Objet » block its heading.
 */
export function renderLettersPdf(l: CampaignLetters): Promise<Buffer> {
  const pdf = taggedPdf({
    title: `Courriers de la campagne « ${l.campaignName} »`,
    author: l.organisationName,
    subject: 'Invitations à un rendez-vous',
  });
  l.letters.forEach((letter, i) => {
    if (i > 0) pdf.doc.addPage();
    for (const block of letter.split(/\n\s*\n/)) {
      if (block.startsWith('Objet :')) pdf.h1(block);
      else pdf.p(block);
    }
  });
  return pdf.finish();
}
