import { catalogueRoutes, type DiStructure } from '@spie/contract/catalogue';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { isTerritoryAdmin, mayManageStructure } from './catalogue.access';
import { structureViews } from './catalogue.queries';
import {
  findStructureRow,
  loadStructureRow,
  organisationName,
  staleRevision,
  updateStructureFields,
} from './catalogue.store';

const input = catalogueRoutes.updateStructure.body.extend(catalogueRoutes.updateStructure.params.shape);

/**
 * Changes a structure (optimistic `revision`, date_maj today): the territory admin, or a structure
 * manager of the organisation that owns it (who cannot give it away).
 */
export const updateStructure = defineUseCase({
  name: 'catalogue.updateStructure',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await findStructureRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null
      ? isTerritoryAdmin(ctx.actor)
      : mayManageStructure(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const row = await loadStructureRow(ctx.trx, t, input.id, true);
    if (row.revision !== input.revision) throw staleRevision(row.revision);
    const owner = isTerritoryAdmin(ctx.actor) ? input.ownerOrganisationId : row.owner_organisation_id;
    if (owner && (await organisationName(ctx.trx, t, owner)) === null)
      throw fieldError('catalogue.unknown_organisation', 'ownerOrganisationId', 'Organisation inconnue.');
    const di: DiStructure = { ...input.di, id: row.id, source: row.source, date_maj: parisToday(ctx.now) };
    await updateStructureFields(ctx.trx, row, di, owner, ctx.now);
    const [view] = await structureViews(ctx.trx, [await loadStructureRow(ctx.trx, t, row.id)]);
    if (!view) throw new Error('unreachable');
    return view;
  },
  auditSubject: (input) => ({ subjectType: 'catalogue_structure', subjectId: input.id }),
});
