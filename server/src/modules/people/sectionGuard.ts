import type { Operation, Section, SectionAccess } from '@spie/contract/people';
import type { MemberActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, type Relation, sectionAccess } from './people.access';
import { loadPersonRelation } from './people.relation';

export interface PersonAccess {
  relation: Relation;
  access: SectionAccess;
  mergedInto: string | null;
}

/** The actor's relation and section access to one person of their territory (404 if none). */
export async function personAccess(
  ctx: UseCaseContext<MemberActor>,
  personId: string,
): Promise<PersonAccess> {
  const { relation, mergedInto } = await loadPersonRelation(ctx.trx, ctx.actor, personId);
  return { relation, access: sectionAccess(ctx.actor, relation), mergedInto };
}

/** For `authorize`: the person exists (else 404) and the actor may do `op` on `section`. */
export async function maySection(
  ctx: UseCaseContext<MemberActor>,
  personId: string,
  section: Section,
  op: Operation,
): Promise<boolean> {
  const { access } = await personAccess(ctx, personId);
  return may(access, section, op);
}

/** Sections the actor may read, for SQL filters (`section in (…)`). */
export const readableSections = (access: SectionAccess): Section[] =>
  (Object.keys(access) as Section[]).filter((s) => access[s].read);

/** Writes go to the kept record, never to a tombstone left by a merge. */
export async function requireNotMerged(ctx: UseCaseContext<MemberActor>, personId: string): Promise<void> {
  const person = await ctx.trx
    .selectFrom('persons')
    .select('merged_into_id')
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (person?.merged_into_id) {
    throw new DomainError(
      'conflict',
      'person.merged',
      'Ce dossier a été fusionné dans un autre : travaillez sur le dossier conservé.',
      undefined,
      { mergedInto: person.merged_into_id },
    );
  }
}

/** The person's id and those of every record merged into it (merges may chain). */
export async function withMergedIds(ctx: UseCaseContext<MemberActor>, personId: string): Promise<string[]> {
  const ids = [personId];
  let frontier = [personId];
  while (frontier.length > 0 && ids.length < 1000) {
    const rows = await ctx.trx
      .selectFrom('persons')
      .select('id')
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('merged_into_id', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}
