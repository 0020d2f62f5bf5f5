import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import { viewFor } from './catalogue.context';
import { serviceRowToDi } from './catalogue.mapping';
import {
  findServiceRow,
  loadServiceRow,
  patchService,
  serviceUpdated,
  staleRevision,
} from './catalogue.store';
import { qualityOf } from './quality';

const input = catalogueRoutes.markUpToDate.body.extend(catalogueRoutes.markUpToDate.params.shape);

/** « Marquer comme à jour »: the owner checked the service; date_maj becomes today. */
export const markUpToDate = defineUseCase({
  name: 'catalogue.markUpToDate',
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
    const today = parisToday(ctx.now);
    await patchService(
      ctx.trx,
      row,
      {
        date_maj: today,
        freshness_reminded_at: null,
        quality_score: qualityOf({ ...serviceRowToDi(row), date_maj: today }, today).score,
      },
      ctx.now,
    );
    ctx.emit(serviceUpdated(t, row.id, 'up_to_date'));
    return viewFor(ctx, await loadServiceRow(ctx.trx, t, row.id));
  },
  auditSubject: (input) => ({ subjectType: 'catalogue_service', subjectId: input.id }),
});
