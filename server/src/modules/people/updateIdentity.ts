import { uuid } from '@spie/contract';
import { identifiersInput, identityInput } from '@spie/contract/people';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { conflict, DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import {
  checkIdentity,
  identifierColumns,
  identityColumns,
  NIR_EXISTS_MESSAGE,
  personWithNir,
} from './createPerson';
import { may, sectionAccess } from './people.access';
import { loadPersonRelation } from './people.relation';
import { buildPersonRecord, loadPersonRow, type PersonRow, toIdentity } from './person.queries';
import { writeVersionedSection } from './versionedWrite';

/** Stored column → field of the form, so a conflict can say what changed. */
const IDENTITY_FIELDS: Record<string, string> = {
  civility: 'identity.civility',
  sex: 'identity.sex',
  birth_name: 'identity.birthName',
  usage_name: 'identity.usageName',
  first_names: 'identity.firstNames',
  birth_date: 'identity.birthDate',
  birth_commune_code: 'identity.birthCommuneCode',
  birth_country_code: 'identity.birthCountryCode',
  address_line: 'identity.addressLine',
  postal_code: 'identity.postalCode',
  commune_code: 'identity.communeCode',
  phone_mobile: 'identity.phoneMobile',
  phone_other: 'identity.phoneOther',
  email: 'identity.email',
  preferred_channel: 'identity.preferredChannel',
  language: 'identity.language',
  nir_index: 'identifiers.nir',
  benefit_organism: 'identifiers.benefitOrganism',
  benefit_matricule: 'identifiers.benefitMatricule',
  household_role: 'identifiers.householdRole',
  france_travail_id: 'identifiers.franceTravailId',
  internal_id: 'identifiers.internalId',
};

/** Fields whose stored value differs from `next` (columns absent from `next` are unchanged). */
export function changedFields(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
  fields: Record<string, string>,
): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.entries(fields)
    .filter(([column]) => column in next && !same(current[column], next[column]))
    .map(([, field]) => field);
}

/**
 * Which fields other writers changed after `baseVersion`: each update event names its fields and
 * the version it produced. If some versions left no event, `fallback` (the fields where the
 * stored row differs from what the caller sent) completes the answer.
 */
export async function fieldsChangedSince(
  db: Db,
  actor: MemberActor,
  eventType: string,
  personId: string,
  baseVersion: number,
  currentVersion: number,
  fallback: string[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox_events')
    .select(['payload'])
    .where('territory_id', '=', actor.territoryId)
    .where('type', '=', eventType)
    .where(sql<boolean>`payload->>'personId' = ${personId}`)
    .where(sql<boolean>`(payload->>'version')::int > ${baseVersion}`)
    .execute();
  const fields = new Set<string>();
  const versions = new Set<number>();
  for (const r of rows) {
    const p = r.payload as { fields?: unknown; version?: unknown };
    if (Array.isArray(p.fields)) for (const f of p.fields) if (typeof f === 'string') fields.add(f);
    if (typeof p.version === 'number') versions.add(p.version);
  }
  if (versions.size < currentVersion - baseVersion) for (const f of fallback) fields.add(f);
  return [...fields].sort();
}

export const versionConflict = (details: Record<string, unknown>) =>
  new DomainError(
    'conflict',
    'person.version_conflict',
    "Quelqu'un a modifié ces informations pendant que vous les modifiiez. Rechargez la page pour voir la version actuelle, puis refaites vos changements.",
    undefined,
    details,
  );

export const mergedRecord = () =>
  conflict('person.merged', 'Ce dossier a été fusionné dans un autre : modifiez le dossier conservé.');

export const updateIdentity = defineUseCase({
  name: 'people.updateIdentity',
  kind: 'command',
  input: z.object({
    id: uuid,
    identity: identityInput,
    identifiers: identifiersInput,
    version: z.number().int(),
  }),
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return may(sectionAccess(ctx.actor, relation), 'identity', 'write');
  },
  run: async (ctx, input) => {
    const { actor } = ctx;
    const current: PersonRow = await loadPersonRow(ctx.trx, actor.territoryId, input.id);
    if (current.merged_into_id) throw mergedRecord();
    await checkIdentity(ctx.trx, input.identity, input.identifiers);
    const fields = { ...identityColumns(input.identity), ...identifierColumns(ctx.deps, input.identifiers) };
    const changed = changedFields(current, fields, IDENTITY_FIELDS);
    // A phone number or e-mail found invalid by a delivery report is « à vérifier » until changed.
    const next = {
      ...fields,
      ...(changed.includes('identity.phoneMobile') ? { phone_invalid_at: null } : {}),
      ...(changed.includes('identity.email') ? { email_invalid_at: null } : {}),
    };
    const conflictWith = async (row: PersonRow) =>
      versionConflict({
        yourVersion: input.version,
        currentVersion: row.identity_version,
        changedFields: await fieldsChangedSince(
          ctx.trx,
          actor,
          'PersonIdentityUpdated',
          input.id,
          input.version,
          row.identity_version,
          changedFields(row, next, IDENTITY_FIELDS),
        ),
        current: toIdentity(row, null),
      });
    if (input.version !== current.identity_version) throw await conflictWith(current);
    if (input.identifiers.nir && changed.includes('identifiers.nir')) {
      const other = await personWithNir(ctx.trx, actor.territoryId, next.nir_index ?? '', input.id);
      if (other) throw conflict('person.nir_exists', NIR_EXISTS_MESSAGE);
    }
    await writeVersionedSection(ctx, {
      personId: input.id,
      versionColumn: 'identity_version',
      version: input.version,
      next,
      changed,
      eventType: 'PersonIdentityUpdated',
      summary: 'Identité, coordonnées ou identifiants modifiés',
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
