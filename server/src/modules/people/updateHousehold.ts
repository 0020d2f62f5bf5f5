import { uuid } from '@spie/contract';
import { householdInput } from '@spie/contract/people';
import { z } from 'zod';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { may, sectionAccess } from './people.access';
import { loadPersonRelation, visibleTo } from './people.relation';
import { buildPersonRecord, loadPersonRow, type PersonRow } from './person.queries';
import { changedFields, fieldsChangedSince, mergedRecord, versionConflict } from './updateIdentity';
import { writeVersionedSection } from './versionedWrite';

const HOUSEHOLD_FIELDS: Record<string, string> = {
  partner_id: 'household.partnerId',
  dependent_children: 'household.dependentChildren',
  children_age_bands: 'household.childrenAgeBands',
  lone_parent: 'household.loneParent',
};

const householdOf = (row: PersonRow) => ({
  partnerId: row.partner_id,
  dependentChildren: row.dependent_children,
  childrenAgeBands: row.children_age_bands,
  loneParent: row.lone_parent,
});

/** Household composition (RSA and family benefits depend on it), with its own version. */
export const updateHousehold = defineUseCase({
  name: 'people.updateHousehold',
  kind: 'command',
  input: z.object({ id: uuid, household: householdInput, version: z.number().int() }),
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return may(sectionAccess(ctx.actor, relation), 'identity', 'write');
  },
  run: async (ctx, input) => {
    const { actor } = ctx;
    const h = input.household;
    const current = await loadPersonRow(ctx.trx, actor.territoryId, input.id);
    if (current.merged_into_id) throw mergedRecord();
    if (h.childrenAgeBands.length > h.dependentChildren) {
      throw fieldError(
        'person.children_age_bands',
        'household.childrenAgeBands',
        'Tranches d’âge : pas plus de tranches que d’enfants à charge.',
      );
    }
    if (h.loneParent && h.partnerId) {
      throw fieldError(
        'person.lone_parent_with_partner',
        'household.loneParent',
        'Parent isolé : impossible avec un·e conjoint·e indiqué·e.',
      );
    }
    if (h.partnerId) {
      // The partner is another record of the territory that the caller may see.
      const partner =
        h.partnerId === input.id
          ? undefined
          : await ctx.trx
              .selectFrom('persons')
              .select('persons.id')
              .where('persons.id', '=', h.partnerId)
              .where(visibleTo(actor))
              .executeTakeFirst();
      if (!partner)
        throw fieldError(
          'person.partner_unknown',
          'household.partnerId',
          'Conjoint·e introuvable : choisissez un dossier du territoire que vous pouvez consulter.',
        );
    }
    const next = {
      partner_id: h.partnerId,
      dependent_children: h.dependentChildren,
      children_age_bands: h.childrenAgeBands,
      lone_parent: h.loneParent,
    };
    const conflictWith = async (row: PersonRow) =>
      versionConflict({
        yourVersion: input.version,
        currentVersion: row.household_version,
        changedFields: await fieldsChangedSince(
          ctx.trx,
          actor,
          'PersonHouseholdUpdated',
          input.id,
          input.version,
          row.household_version,
          changedFields(row, next, HOUSEHOLD_FIELDS),
        ),
        current: householdOf(row),
      });
    if (input.version !== current.household_version) throw await conflictWith(current);
    await writeVersionedSection(ctx, {
      personId: input.id,
      versionColumn: 'household_version',
      version: input.version,
      next,
      changed: changedFields(current, next, HOUSEHOLD_FIELDS),
      eventType: 'PersonHouseholdUpdated',
      summary: 'Composition du foyer modifiée',
      conflictWith,
    });
    const relation = (await loadPersonRelation(ctx.trx, actor, input.id)).relation;
    return (await buildPersonRecord(ctx.trx, actor, input.id, relation, ctx.now)).record;
  },
  auditSubject: (input) => ({
    subjectType: 'person',
    subjectId: input.id,
    personId: input.id,
    section: 'identity',
  }),
});
