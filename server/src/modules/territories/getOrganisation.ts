import { idParams } from '@spie/contract';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { findOrganisation } from './territories.queries';

export const organisationNotFound = () =>
  notFound('organisation.not_found', 'Structure introuvable dans votre territoire.');

/** Any member of the territory may read an organisation's public card. */
export const getOrganisation = defineUseCase({
  name: 'territories.getOrganisation',
  kind: 'query',
  input: idParams,
  authorize: () => true,
  run: async (ctx, input) => {
    const org = await findOrganisation(ctx.trx, ctx.actor.territoryId, input.id);
    if (!org) throw organisationNotFound();
    return org;
  },
});
