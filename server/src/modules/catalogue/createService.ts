import { catalogueRoutes, type DiService } from '@spie/contract/catalogue';
import { forbidden } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayCreateServiceUnder } from './catalogue.access';
import { viewFor } from './catalogue.context';
import {
  findStructureRow,
  insertService,
  loadServiceRow,
  loadStructureRow,
  newSpieId,
  serviceUpdated,
  territoryCode,
} from './catalogue.store';

/**
 * Describes a new service (draft) under a structure of the caller's organisation (the territory
 * admin: any structure). Its owner in SPIE is the structure's owner; its id
 * `spie-<territory>--<short id>`, its source `spie-<territory>`, its date_maj today.
 */
export const createService = defineUseCase({
  name: 'catalogue.createService',
  kind: 'command',
  input: catalogueRoutes.createService.body,
  authorize: async (ctx, input) => {
    const structure = await findStructureRow(ctx.trx, ctx.actor.territoryId, input.di.structure_id);
    // An unknown structure is answered in run (404) for those who may create services at all.
    if (!structure) return ctx.actor.role === 'territory_admin';
    return mayCreateServiceUnder(ctx.actor, structure.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const structure = await loadStructureRow(ctx.trx, t, input.di.structure_id);
    if (!mayCreateServiceUnder(ctx.actor, structure.owner_organisation_id)) throw forbidden();
    const today = parisToday(ctx.now);
    const { id, source } = newSpieId(await territoryCode(ctx.trx, t));
    const di: DiService = { ...input.di, id, source, date_maj: today };
    await insertService(ctx.trx, t, di, input.spie, {
      ownerOrganisationId: structure.owner_organisation_id,
      structureNom: structure.nom,
      today,
      now: ctx.now,
    });
    ctx.emit(serviceUpdated(t, id, 'created'));
    return viewFor(ctx, await loadServiceRow(ctx.trx, t, id));
  },
  auditSubject: (_input, output) => ({ subjectType: 'catalogue_service', subjectId: output.di.id }),
});
