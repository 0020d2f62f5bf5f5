import type { Contract, ContractKind, SignatureChannel, SignatureMode } from '@spie/contract/contracts';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { DB } from '../../db/schema';
import { displayName } from '../people';
import { loadTerritory } from '../territories';
import { type ContractRow, loadPlan } from './contracts.store';

/**
 * What a signed version says, frozen in `contract_versions.snapshot`: both parties, the plan,
 * the weekly activity and its adjustments, the signature. The PDF is rendered from it, so the
 * document always shows exactly what was signed.
 */
export interface ContractSnapshot {
  contractId: string;
  territoryName: string;
  kind: ContractKind;
  version: number;
  amendment: boolean;
  person: { name: string; addressLines: string[] };
  organisation: { name: string; contact: string | null } | null;
  referentName: string | null;
  startOn: string | null;
  endOn: string | null;
  weeklyTargetHours: number;
  organisationCommitments: string[];
  nextAppointment: { at: string; place: string } | null;
  objectives: Contract['objectives'];
  adjustments: Contract['adjustments'];
  signature: { mode: SignatureMode; channel: SignatureChannel | null; signedAt: string };
}

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export async function buildSnapshot(
  db: Transaction<DB> | Db,
  row: ContractRow,
  version: number,
  signature: ContractSnapshot['signature'],
): Promise<ContractSnapshot> {
  const t = row.territory_id;
  const [territory, person, organisation, referent, plan] = await Promise.all([
    loadTerritory(db as Db, t),
    db
      .selectFrom('persons as p')
      .leftJoin('communes as c', 'c.code', 'p.commune_code')
      .select([
        'p.first_names',
        'p.birth_name',
        'p.usage_name',
        'p.address_line',
        'p.postal_code',
        'c.name as commune',
      ])
      .where('p.territory_id', '=', t)
      .where('p.id', '=', row.person_id)
      .executeTakeFirstOrThrow(),
    row.organisation_id
      ? db
          .selectFrom('organisations')
          .select(['name', 'phone', 'email', 'address_line', 'postal_code'])
          .where('territory_id', '=', t)
          .where('id', '=', row.organisation_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('follow_ups as f')
      .innerJoin('accounts as a', 'a.id', 'f.account_id')
      .select(['a.first_name', 'a.last_name'])
      .where('f.territory_id', '=', t)
      .where('f.person_id', '=', row.person_id)
      .where('f.role', '=', 'referent')
      .where('f.status', '=', 'active')
      .executeTakeFirst(),
    loadPlan(db, t, row.id),
  ]);
  return {
    contractId: row.id,
    territoryName: territory.name,
    kind: row.kind as ContractKind,
    version,
    amendment: version > 1,
    person: {
      name: displayName(person),
      addressLines: [
        person.address_line,
        [person.postal_code, person.commune].filter(Boolean).join(' '),
      ].filter((l): l is string => !!l),
    },
    organisation: organisation
      ? {
          name: organisation.name,
          contact:
            [
              organisation.phone,
              organisation.email,
              [organisation.address_line, organisation.postal_code].filter(Boolean).join(' '),
            ]
              .filter(Boolean)
              .join(' — ') || null,
        }
      : row.organisation_name
        ? { name: row.organisation_name, contact: null }
        : null,
    referentName: referent ? `${referent.first_name} ${referent.last_name}` : null,
    startOn: day(row.start_on),
    endOn: day(row.end_on),
    weeklyTargetHours: Number(row.weekly_target_hours),
    organisationCommitments: (row.organisation_commitments as string[] | null) ?? [],
    nextAppointment: (row.next_appointment as ContractSnapshot['nextAppointment']) ?? null,
    objectives: plan.objectives,
    adjustments: plan.adjustments,
    signature,
  };
}
