import type { Updateable } from 'kysely';
import type { Persons } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import { loadPersonRow, type PersonRow } from './person.queries';

/**
 * Writes one versioned section of a person (identity, household) when something changed: the
 * update only applies if the version is still the one the editor started from, so a writer who
 * committed in between makes this one fail with `conflictWith` instead of being overwritten.
 * Then the section's event (and timeline entry) is emitted.
 */
export async function writeVersionedSection(
  ctx: UseCaseContext<MemberActor>,
  section: {
    personId: string;
    versionColumn: 'identity_version' | 'household_version';
    version: number;
    next: Updateable<Persons>;
    changed: string[];
    eventType: string;
    summary: string;
    conflictWith: (row: PersonRow) => Promise<Error>;
  },
): Promise<void> {
  if (section.changed.length === 0) return;
  const { actor } = ctx;
  const version = section.version + 1;
  const result = await ctx.trx
    .updateTable('persons')
    .set({ ...section.next, [section.versionColumn]: version, updated_at: ctx.now })
    .where('territory_id', '=', actor.territoryId)
    .where('id', '=', section.personId)
    .where(section.versionColumn, '=', section.version)
    .executeTakeFirst();
  // Another writer committed between our read and this update.
  if (Number(result.numUpdatedRows) === 0) {
    throw await section.conflictWith(await loadPersonRow(ctx.trx, actor.territoryId, section.personId));
  }
  ctx.emit(
    personEvent(
      ctx,
      section.eventType,
      section.personId,
      { section: 'identity', summary: section.summary },
      { fields: section.changed, version },
    ),
  );
}
