import { idParams } from '@spie/contract';
import { formatNir } from '@spie/contract/people';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { mayRevealNir } from './people.access';
import { loadPersonRelation } from './people.relation';

/**
 * The NIR in clear, for those who handle the person's procedures. A command so that each reveal
 * is audited (action `people.revealNir`, section identity) in the same transaction.
 */
export const revealNir = defineUseCase({
  name: 'people.revealNir',
  kind: 'command',
  input: idParams,
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return mayRevealNir(ctx.actor, relation);
  },
  run: async (ctx, input) => {
    const row = await ctx.trx
      .selectFrom('persons')
      .select('nir_encrypted')
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row?.nir_encrypted)
      throw notFound('person.nir_missing', 'Aucun NIR n’est enregistré pour ce dossier.');
    return { nir: formatNir(ctx.deps.crypto.decrypt(row.nir_encrypted)) };
  },
  auditSubject: (input) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'identity',
  }),
});
