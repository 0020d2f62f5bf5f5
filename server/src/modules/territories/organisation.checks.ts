import type { OrganisationInput, organisationInput } from '@spie/contract/territories';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { DomainError, type fieldError } from '../../kernel/errors';

type Parsed = z.output<typeof organisationInput>;

export type { OrganisationInput };

/** Checks that need the database: commune exists, parent is in the territory and no cycle, SIRET unique. */
export async function checkOrganisation(
  db: Db,
  territoryId: string,
  org: Parsed,
  selfId: string | null,
): Promise<void> {
  const problems: Parameters<typeof fieldError>[] = [];
  if (org.address.communeCode) {
    const commune = await db
      .selectFrom('communes')
      .select('code')
      .where('code', '=', org.address.communeCode)
      .executeTakeFirst();
    if (!commune)
      problems.push([
        'organisation.commune_unknown',
        'address.communeCode',
        'Commune inconnue : vérifiez le code INSEE.',
      ]);
  }
  if (org.parentId) {
    let cursor: string | null = org.parentId;
    for (let depth = 0; cursor && depth < 20; depth++) {
      if (cursor === selfId) {
        problems.push([
          'organisation.parent_cycle',
          'parentId',
          'Une structure ne peut pas dépendre d’elle-même ni d’une de ses antennes.',
        ]);
        break;
      }
      const parentRow: { parent_id: string | null } | undefined = await db
        .selectFrom('organisations')
        .select('parent_id')
        .where('territory_id', '=', territoryId)
        .where('id', '=', cursor)
        .executeTakeFirst();
      if (!parentRow) {
        problems.push([
          'organisation.parent_unknown',
          'parentId',
          'Structure de rattachement introuvable dans ce territoire.',
        ]);
        break;
      }
      cursor = parentRow.parent_id;
    }
  }
  if (org.siret) {
    let q = db
      .selectFrom('organisations')
      .select('id')
      .where('territory_id', '=', territoryId)
      .where('siret', '=', org.siret);
    if (selfId) q = q.where('id', '<>', selfId);
    if (await q.executeTakeFirst())
      problems.push([
        'organisation.siret_taken',
        'siret',
        'Une autre structure du territoire a déjà ce SIRET.',
      ]);
  }
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      problems[0]?.[0] ?? 'organisation.invalid',
      'Certaines informations sont à corriger.',
      problems.map(([, path, message]) => ({ path, message })),
    );
  }
}

export function organisationColumns(org: Parsed) {
  return {
    kind: org.kind,
    name: org.name,
    siret: org.siret,
    safir_code: org.safirCode,
    address_line: org.address.line,
    postal_code: org.address.postalCode,
    commune_code: org.address.communeCode,
    email: org.email,
    phone: org.phone,
    sensitive: org.sensitive,
    parent_id: org.parentId,
  };
}
