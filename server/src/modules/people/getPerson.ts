import { idParams } from '@spie/contract';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { defineUseCase } from '../../kernel/useCase';
import { mayFind, type Relation } from './people.access';
import { loadPersonRelation } from './people.relation';
import { buildPersonRecord } from './person.queries';

/**
 * The relation that governs a record: a merged record is read with the rights on the record it
 * was merged into, so its old link still leads the team there.
 */
export async function governingRelation(db: Db, actor: MemberActor, personId: string): Promise<Relation> {
  const { relation, mergedInto } = await loadPersonRelation(db, actor, personId);
  if (!mergedInto || mayFind(actor, relation)) return relation;
  return (await loadPersonRelation(db, actor, mergedInto)).relation;
}

export const getPerson = defineUseCase({
  name: 'people.get',
  kind: 'query',
  input: idParams,
  authorize: async (ctx, input) => mayFind(ctx.actor, await governingRelation(ctx.trx, ctx.actor, input.id)),
  run: async (ctx, input) => {
    const relation = await governingRelation(ctx.trx, ctx.actor, input.id);
    const { record, sectionsRead } = await buildPersonRecord(ctx.trx, ctx.actor, input.id, relation, ctx.now);
    // One consultation row per page view, naming the sections actually returned (domain §8).
    await ctx.audit({
      action: 'people.read',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      details: { sections: sectionsRead },
    });
    return record;
  },
});
