import {
  createPersonBody,
  type identifiersInput,
  type identityInput,
  maskNir,
  nirSex,
} from '@spie/contract/people';
import type { Role } from '@spie/contract/territories';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import { conflict, DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { describeCandidates, findDuplicateMatches } from './duplicates.queries';
import { loadRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { buildPersonRecord, checkCommunes, parisToday } from './person.queries';

export type IdentityValues = z.output<typeof identityInput>;
export type IdentifierValues = z.output<typeof identifiersInput>;

/** Those who accompany people create records; admins too, to fix data. Steering viewers never. */
const CREATORS: ReadonlySet<Role> = new Set([
  'professional',
  'social_worker',
  'structure_manager',
  'orientation_manager',
  'territory_admin',
]);
export const mayCreatePerson = (actor: MemberActor) => CREATORS.has(actor.role);

export function identityColumns(i: IdentityValues) {
  return {
    civility: i.civility,
    sex: i.sex,
    birth_name: i.birthName,
    usage_name: i.usageName,
    first_names: i.firstNames,
    birth_date: i.birthDate,
    birth_commune_code: i.birthCommuneCode,
    birth_country_code: i.birthCountryCode,
    address_line: i.addressLine,
    postal_code: i.postalCode,
    commune_code: i.communeCode,
    phone_mobile: i.phoneMobile,
    phone_other: i.phoneOther,
    email: i.email,
    preferred_channel: i.preferredChannel,
    language: i.language,
  };
}

/**
 * Identifiers as stored. The NIR is encrypted, indexed by a keyed hash and kept masked for
 * display; a null NIR leaves the stored one unchanged (the form never holds it in clear).
 */
export function identifierColumns(deps: Deps, i: IdentifierValues) {
  return {
    benefit_organism: i.benefitOrganism,
    benefit_matricule: i.benefitMatricule,
    household_role: i.householdRole,
    france_travail_id: i.franceTravailId,
    internal_id: i.internalId,
    ...(i.nir
      ? {
          nir_encrypted: deps.crypto.encrypt(i.nir),
          nir_index: deps.crypto.blindIndex(i.nir),
          nir_masked: maskNir(i.nir),
        }
      : {}),
  };
}

/** Checks that need the database or cross fields: communes exist, the NIR agrees with the sex. */
export async function checkIdentity(db: Db, identity: IdentityValues, identifiers: IdentifierValues) {
  await checkCommunes(db, [
    { path: 'identity.birthCommuneCode', code: identity.birthCommuneCode },
    { path: 'identity.communeCode', code: identity.communeCode },
  ]);
  if (identifiers.nir && (nirSex(identifiers.nir) === 1 ? 'M' : 'F') !== identity.sex) {
    throw new DomainError(
      'validation',
      'person.nir_sex_mismatch',
      'Le NIR ne correspond pas au sexe indiqué : vérifiez le premier chiffre du NIR.',
      [
        {
          path: 'identifiers.nir',
          message: 'Le NIR ne correspond pas au sexe indiqué : vérifiez le premier chiffre du NIR.',
        },
      ],
    );
  }
}

/** Another live record of the territory already holds this NIR (it is unique in a territory). */
export async function personWithNir(
  db: Db,
  territoryId: string,
  nirIndex: string,
  excludeId: string | null,
): Promise<string | null> {
  const row = await db
    .selectFrom('persons')
    .select('id')
    .where('territory_id', '=', territoryId)
    .where('nir_index', '=', nirIndex)
    .where('merged_into_id', 'is', null)
    .$if(excludeId !== null, (q) => q.where('id', '!=', excludeId as string))
    .executeTakeFirst();
  return row?.id ?? null;
}

export const NIR_EXISTS_MESSAGE =
  'Ce NIR est déjà celui d’un dossier du territoire : demandez à rejoindre son équipe plutôt que d’en créer un second.';

export const createPerson = defineUseCase({
  name: 'people.create',
  kind: 'command',
  input: createPersonBody,
  authorize: (ctx) => mayCreatePerson(ctx.actor),
  run: async (ctx, input) => {
    const { actor } = ctx;
    const { identity, identifiers } = input;
    await checkIdentity(ctx.trx, identity, identifiers);
    const today = parisToday(ctx.now);
    const matches = await findDuplicateMatches(ctx.trx, actor.territoryId, {
      nirIndex: identifiers.nir ? ctx.deps.crypto.blindIndex(identifiers.nir) : null,
      benefitOrganism: identifiers.benefitOrganism,
      benefitMatricule: identifiers.benefitMatricule,
      householdRole: identifiers.householdRole,
      franceTravailId: identifiers.franceTravailId,
      birthName: identity.birthName,
      firstNames: identity.firstNames,
      birthDate: identity.birthDate,
    });
    if (matches.some((m) => m.matchedOn === 'nir')) {
      const items = await describeCandidates(
        ctx.trx,
        actor,
        matches.filter((m) => m.matchedOn === 'nir'),
        today,
      );
      throw conflict('person.nir_exists', NIR_EXISTS_MESSAGE, { items });
    }
    if (matches.length > 0 && !input.confirmNotDuplicate) {
      const items = await describeCandidates(ctx.trx, actor, matches, today);
      throw conflict(
        'person.likely_duplicate',
        'Ce dossier ressemble à un dossier existant. Vérifiez les dossiers proposés ; s’il s’agit d’une autre personne, confirmez-le pour créer le dossier.',
        { items },
      );
    }
    const { id } = await ctx.trx
      .insertInto('persons')
      .values({
        territory_id: actor.territoryId,
        ...identityColumns(identity),
        ...identifierColumns(ctx.deps, identifiers),
        created_by_account_id: actor.accountId,
        created_at: ctx.now,
        updated_at: ctx.now,
        last_contact_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The creator joins the team; référent unique only if asked and nobody holds the role.
    const hasReferent = await ctx.trx
      .selectFrom('follow_ups')
      .select(sql`1`.as('one'))
      .where('territory_id', '=', actor.territoryId)
      .where('person_id', '=', id)
      .where('role', '=', 'referent')
      .where('status', '=', 'active')
      .executeTakeFirst();
    const role = input.asReferent && !hasReferent ? 'referent' : 'co_referent';
    await ctx.trx
      .insertInto('follow_ups')
      .values({
        territory_id: actor.territoryId,
        person_id: id,
        organisation_id: actor.organisationId,
        account_id: actor.accountId,
        role,
        status: 'active',
        created_by_account_id: actor.accountId,
        created_at: ctx.now,
        started_at: ctx.now,
      })
      .execute();
    ctx.emit(
      personEvent(
        ctx,
        'PersonCreated',
        id,
        { section: 'identity', summary: 'Dossier créé' },
        { teamRole: role, possibleDuplicatesDismissed: matches.length },
      ),
    );
    const relation = await loadRelation(ctx.trx, actor, id);
    return (await buildPersonRecord(ctx.trx, actor, id, relation, ctx.now)).record;
  },
  auditSubject: (_input, output) => ({
    subjectType: 'person',
    subjectId: output.id,
    personId: output.id,
    section: 'identity',
  }),
});
