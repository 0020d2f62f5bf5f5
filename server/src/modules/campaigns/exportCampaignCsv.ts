import {
  type CampaignChannel,
  campaignChannelLabels,
  campaignsRoutes,
  type DeliveryStatus,
  deliveryStatusLabels,
  type RecipientOutcome,
  type RecipientStep,
  recipientOutcomeLabels,
  recipientStepLabels,
} from '@spie/contract/campaigns';
import { stringify } from 'csv-stringify/sync';
import { defineUseCase } from '../../kernel/useCase';
import { displayName } from '../people';
import { recipientsQuery, sortKey } from './campaignRecipients';
import { loadCampaign, mayHandleCampaign } from './campaigns.access';
import { toParisLocal } from './campaigns.time';

export interface CsvFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** « 12/11/2026 14:30 », France's time. */
const when = (d: Date | string | null) => {
  if (!d) return '';
  const local = toParisLocal(new Date(d));
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
};

/** A cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const COLUMNS = [
  'Nom',
  'Canal',
  'Étape',
  'Résultat',
  'Envoi',
  'Invitation envoyée le',
  'Relance le',
  'Réponse le',
  'Rendez-vous le',
  'Convocation le',
];

/**
 * The report, one row per person, for a spreadsheet in French: `;` separators, UTF-8 with a BOM
 * (accents in Excel), French headers and labels, dates in France's time. Audited as one export.
 */
export const exportCampaignCsv = defineUseCase({
  name: 'campaigns.exportCsv',
  kind: 'query',
  input: campaignsRoutes.exportCsv.params,
  authorize: (ctx, input) => mayHandleCampaign(ctx, input.id),
  run: async (ctx, input): Promise<CsvFile> => {
    const c = await loadCampaign(ctx, input.id);
    const rows = await recipientsQuery(ctx.trx, c.territory_id, c.id)
      .orderBy(sortKey)
      .orderBy('r.id')
      .execute();
    const csv = stringify(
      rows.map((r) => [
        cell(displayName(r)),
        r.channel ? campaignChannelLabels[r.channel as CampaignChannel] : 'Aucun (coordonnées manquantes)',
        recipientStepLabels[r.step as RecipientStep],
        recipientOutcomeLabels[r.outcome as RecipientOutcome],
        deliveryStatusLabels[r.delivery as DeliveryStatus],
        when(r.invited_at),
        when(r.reminded_at),
        when(r.answered_at),
        when(r.appointment_starts_at),
        when(r.convoked_at),
      ]),
      { delimiter: ';', bom: true, header: true, columns: COLUMNS, record_delimiter: 'windows' },
    );
    await ctx.audit({
      action: 'campaigns.exportCsv',
      subjectType: 'campaign',
      subjectId: c.id,
      details: { rows: rows.length },
    });
    const safeName = c.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    return {
      filename: `bilan-campagne-${safeName || 'campagne'}-${c.launched_at.toISOString().slice(0, 10)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from(csv, 'utf8'),
    };
  },
});
