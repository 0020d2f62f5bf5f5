import { catalogueRoutes, type DiStructure } from '@spie/contract/catalogue';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { isTerritoryAdmin, mayCreateStructure } from './catalogue.access';
import { structureViews } from './catalogue.queries';
import {
  insertStructure,
  loadStructureRow,
  newSpieId,
  organisationName,
  territoryCode,
} from './catalogue.store';

/**
 * Describes a structure: the territory admin (owned by any organisation of the territory, or none),
 * or a structure manager (owned by their organisation, whatever the body says).
 */
export const createStructure = defineUseCase({
  name: 'catalogue.createStructure',
  kind: 'command',
  input: catalogueRoutes.createStructure.body,
  authorize: (ctx) => mayCreateStructure(ctx.actor),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const owner = isTerritoryAdmin(ctx.actor) ? input.ownerOrganisationId : ctx.actor.organisationId;
    if (owner && (await organisationName(ctx.trx, t, owner)) === null)
      throw fieldError('catalogue.unknown_organisation', 'ownerOrganisationId', 'Organisation inconnue.');
    const { id, source } = newSpieId(await territoryCode(ctx.trx, t));
    const di: DiStructure = { ...input.di, id, source, date_maj: parisToday(ctx.now) };
    await insertStructure(ctx.trx, t, di, owner, ctx.now);
    const [view] = await structureViews(ctx.trx, [await loadStructureRow(ctx.trx, t, id)]);
    if (!view) throw new Error('unreachable');
    return view;
  },
  auditSubject: (_input, output) => ({ subjectType: 'catalogue_structure', subjectId: output.di.id }),
});
