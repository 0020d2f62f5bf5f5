import { alertSeverityLabels, reviewRoutes } from '@spie/contract/review';
import { stringify } from 'csv-stringify/sync';
import { defineUseCase } from '../../kernel/useCase';
import { frenchDate, parisToday } from '../people';
import { caseloadPage } from './caseload.queries';
import { periodicReviewDays } from './review.queries';

const roleLabels = { referent: 'Référent·e unique', co_referent: 'Co-référent·e' } as const;

export interface CsvFile {
  filename: string;
  content: Buffer;
}

/**
 * « Ma file active » as a CSV file (same filters, every row): `;` separated, UTF-8 with a BOM so
 * that a spreadsheet opens it with its accents. One audit row lists the people exported.
 */
export const caseloadCsv = defineUseCase({
  name: 'review.caseloadCsv',
  kind: 'query',
  input: reviewRoutes.caseloadCsv.query,
  authorize: () => true,
  run: async (ctx, input): Promise<CsvFile> => {
    const today = parisToday(ctx.now);
    const period = await periodicReviewDays(ctx.trx, ctx.actor.territoryId);
    const { items } = await caseloadPage(ctx.trx, ctx.actor, today, period, input, { limit: null });
    await ctx.audit({
      action: 'review.caseloadCsv',
      details: {
        count: items.length,
        personIds: items.map((i) => i.personId),
        // The filters, without the name typed (personal data stays out of the audit log).
        filters: {
          show: input.show,
          ruleId: input.ruleId,
          severity: input.severity,
          communeCode: input.communeCode,
        },
      },
    });
    const content = stringify(
      items.map((i) => [
        i.displayName,
        i.commune ?? '',
        roleLabels[i.role],
        i.topSeverity ? alertSeverityLabels[i.topSeverity] : '',
        i.alerts.length,
        i.alerts.map((a) => a.label).join(' ; '),
        i.alerts.map((a) => a.detail).join(' | '),
        i.lastContactAt ? frenchDate(parisToday(new Date(i.lastContactAt))) : '',
        i.reviewDueOn ? frenchDate(i.reviewDueOn) : '',
      ]),
      {
        delimiter: ';',
        bom: true,
        header: true,
        columns: [
          'Personne',
          'Commune',
          'Rôle',
          'Priorité',
          'Nombre d’alertes',
          'Alertes',
          'Détail des alertes',
          'Dernier contact',
          'Point de situation à faire avant le',
        ],
        record_delimiter: 'windows',
      },
    );
    return { filename: `file-active-${today}.csv`, content: Buffer.from(content, 'utf8') };
  },
});
