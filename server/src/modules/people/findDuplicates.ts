import { checkNir, peopleRoutes } from '@spie/contract/people';
import type { z } from 'zod';
import type { Deps } from '../../kernel/deps';
import { defineUseCase } from '../../kernel/useCase';
import { mayUseDirectory } from './directory';
import { type DuplicateProbe, describeCandidates, findDuplicateMatches } from './duplicates.queries';
import { parisToday } from './person.queries';

type Body = z.output<typeof peopleRoutes.findDuplicates.body>;

/** Builds the probe from what a form holds so far: an unfinished NIR is simply not used. */
export function duplicateProbe(deps: Deps, body: Body): DuplicateProbe {
  const nir = body.identifiers.nir ? checkNir(body.identifiers.nir) : null;
  return {
    nirIndex: nir?.ok ? deps.crypto.blindIndex(nir.nir) : null,
    benefitOrganism: body.identifiers.benefitOrganism ?? null,
    benefitMatricule: body.identifiers.benefitMatricule ?? null,
    householdRole: body.identifiers.householdRole ?? null,
    franceTravailId: body.identifiers.franceTravailId ?? null,
    birthName: body.identity.birthName?.trim() || null,
    firstNames: (body.identity.firstNames ?? []).filter((f) => f.trim() !== ''),
    birthDate: body.identity.birthDate ?? null,
  };
}

/** Shown while a record is being created, so the professional can join an existing team instead. */
export const findDuplicates = defineUseCase({
  name: 'people.findDuplicates',
  kind: 'query',
  input: peopleRoutes.findDuplicates.body,
  authorize: (ctx) => mayUseDirectory(ctx.actor.role),
  run: async (ctx, input) => {
    const matches = await findDuplicateMatches(
      ctx.trx,
      ctx.actor.territoryId,
      duplicateProbe(ctx.deps, input),
    );
    const items = await describeCandidates(ctx.trx, ctx.actor, matches, parisToday(ctx.now));
    if (items.length > 0)
      await ctx.audit({ action: 'people.findDuplicates', details: { results: items.length } });
    return { items };
  },
});
