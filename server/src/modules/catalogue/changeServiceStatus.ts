import {
  catalogueRoutes,
  diService,
  type PublicationStatus,
  publicationStatusLabels,
  serviceStatusBody,
} from '@spie/contract/catalogue';
import { DomainError, fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import { viewFor } from './catalogue.context';
import { type ServiceRow, serviceRowToDi } from './catalogue.mapping';
import {
  findServiceRow,
  loadServiceRow,
  patchService,
  serviceUpdated,
  staleRevision,
} from './catalogue.store';
import { qualityOf } from './quality';

const input = serviceStatusBody.and(catalogueRoutes.changeServiceStatus.params);

/** Which publication statuses a service may move to from each one. */
const allowed: Record<PublicationStatus, PublicationStatus[]> = {
  brouillon: ['publie', 'archive'],
  publie: ['suspendu', 'archive', 'brouillon'],
  // suspendu → suspendu: a new end date.
  suspendu: ['publie', 'suspendu', 'archive', 'brouillon'],
  archive: ['brouillon', 'publie'],
};

/**
 * What a service needs to be published: its data·inclusion fields valid against the schema
 * (required ones filled), and at least one thematique and one mode d'accueil so it can be found.
 */
export function publicationProblems(row: ServiceRow): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const parsed = diService.safeParse(serviceRowToDi(row));
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ path: `di.${issue.path.join('.')}`, message: issue.message });
  }
  if (!row.thematiques?.length)
    problems.push({ path: 'di.thematiques', message: 'Choisissez au moins une thématique.' });
  if (!row.modes_accueil?.length)
    problems.push({
      path: 'di.modes_accueil',
      message: 'Indiquez si le service est rendu sur place ou à distance.',
    });
  return problems;
}

/**
 * Publish, suspend until a date (today or later, included), archive, or go back to draft.
 * A suspension ends by itself the day after its end date (catalogue job).
 */
export const changeServiceStatus = defineUseCase({
  name: 'catalogue.changeServiceStatus',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await findServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null || mayManageService(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const row = await loadServiceRow(ctx.trx, t, input.id, true);
    if (row.revision !== input.revision) throw staleRevision(row.revision);
    const from = row.status as PublicationStatus;
    if (!allowed[from].includes(input.status))
      throw new DomainError(
        'invalid_transition',
        'catalogue.invalid_status_change',
        `Ce service est « ${publicationStatusLabels[from]} » : il ne peut pas passer à « ${publicationStatusLabels[input.status]} ».`,
      );
    const today = parisToday(ctx.now);
    if (input.status === 'suspendu' && input.until !== null && input.until < today)
      throw fieldError(
        'catalogue.suspension_in_past',
        'until',
        'La date de fin de suspension ne peut pas être passée.',
      );
    if (input.status === 'publie') {
      const problems = publicationProblems(row);
      if (problems.length > 0)
        throw new DomainError(
          'validation',
          'catalogue.incomplete_service',
          'Complétez le service avant de le publier.',
          problems,
        );
    }
    await patchService(
      ctx.trx,
      row,
      {
        status: input.status,
        suspended_until: input.status === 'suspendu' ? input.until : null,
        status_reason: input.reason,
        quality_score: qualityOf(serviceRowToDi(row), today).score,
      },
      ctx.now,
    );
    ctx.emit(serviceUpdated(t, row.id, `status:${input.status}`));
    return viewFor(ctx, await loadServiceRow(ctx.trx, t, row.id));
  },
  auditSubject: (input) => ({
    subjectType: 'catalogue_service',
    subjectId: input.id,
    details: { status: input.status, until: input.until },
  }),
});
