import { type ActionStatus, runningContractStatuses } from '@spie/contract/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { weekRefusal } from './weekDetail';

/**
 * The bridge from referrals (issue 7) to the contract's plan: when a person enters a service they
 * were referred to, the running contract (signé, actif, en révision) gets an action linked to the
 * referral; when the referral ends, the action ends with it; hours recorded by the receiving
 * organisation are the action's weekly hours (source `organisation`).
 */
type Trx = Transaction<DB>;

async function runningContract(trx: Trx, territoryId: string, personId: string) {
  return trx
    .selectFrom('engagement_contracts')
    .select(['id', 'status', 'start_on', 'end_on'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', 'in', [...runningContractStatuses])
    .orderBy('start_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ReferralActionEntry {
  territoryId: string;
  personId: string;
  referralId: string;
  serviceId: string;
  /** The service's name. */
  label: string;
  plannedWeeklyHours: number | null;
  entryDate: string;
  responsibleOrganisationId: string | null;
  now: Date;
}
export interface ReferralActionEnd {
  territoryId: string;
  referralId: string;
  outcome: 'reussie' | 'abandon' | 'exclue' | 'autre';
  outcomeLabel: string;
  endDate: string;
  now: Date;
}

const END_STATUS: Record<ReferralActionEnd['outcome'], ActionStatus> = {
  reussie: 'realisee',
  autre: 'realisee',
  abandon: 'abandonnee_personne',
  exclue: 'annulee_structure',
};

/**
 * Entry: adds the action (once per referral) to the person's running contract, under its first
 * objective still pursued; returns its id, or null when no contract is running.
 * End: sets the linked action's status (done or stopped, per the outcome) and its end date.
 */
export async function syncReferralAction(
  trx: Trx,
  input: ({ kind: 'entry' } & ReferralActionEntry) | ({ kind: 'end' } & ReferralActionEnd),
): Promise<string | null> {
  const existing = await trx
    .selectFrom('contract_actions')
    .select(['id'])
    .where('territory_id', '=', input.territoryId)
    .where('referral_id', '=', input.referralId)
    .executeTakeFirst();
  if (input.kind === 'end') {
    if (!existing) return null;
    const status = END_STATUS[input.outcome];
    await trx
      .updateTable('contract_actions')
      .set({
        status,
        status_reason: status === 'realisee' ? null : input.outcomeLabel,
        planned_end: input.endDate,
        updated_at: input.now,
      })
      .where('territory_id', '=', input.territoryId)
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  if (existing) {
    await trx
      .updateTable('contract_actions')
      .set({ planned_start: input.entryDate, status: 'en_cours', updated_at: input.now })
      .where('territory_id', '=', input.territoryId)
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const contract = await runningContract(trx, input.territoryId, input.personId);
  if (!contract) return null;
  const objectives = await trx
    .selectFrom('contract_objectives')
    .select(['id', 'status', 'position'])
    .where('territory_id', '=', input.territoryId)
    .where('contract_id', '=', contract.id)
    .orderBy('position')
    .execute();
  let objectiveId = (objectives.find((o) => o.status === 'en_cours') ?? objectives[0])?.id;
  if (!objectiveId) {
    objectiveId = (
      await trx
        .insertInto('contract_objectives')
        .values({
          territory_id: input.territoryId,
          contract_id: contract.id,
          person_id: input.personId,
          position: 1,
          label: 'Actions prescrites vers des offres d’insertion',
          theme: 'trouver_un_emploi',
          created_at: input.now,
          updated_at: input.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const last = await trx
    .selectFrom('contract_actions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('territory_id', '=', input.territoryId)
    .where('objective_id', '=', objectiveId)
    .executeTakeFirst();
  const { id } = await trx
    .insertInto('contract_actions')
    .values({
      territory_id: input.territoryId,
      contract_id: contract.id,
      objective_id: objectiveId,
      person_id: input.personId,
      position: Number(last?.position ?? 0) + 1,
      label: input.label.slice(0, 200),
      responsible_organisation_id: input.responsibleOrganisationId,
      service_id: input.serviceId,
      referral_id: input.referralId,
      planned_start: input.entryDate,
      planned_end: null,
      planned_weekly_hours: input.plannedWeeklyHours ?? 0,
      status: 'en_cours',
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Hours of one week recorded on a referral, written on its action of the running contract
 * (source `organisation`), as `recordHours` would (same week rule). Returns what was written,
 * or null when there is no linked action, the contract no longer runs, or the week is outside it.
 */
export async function recordReferralHours(
  trx: Trx,
  input: {
    territoryId: string;
    referralId: string;
    weekStart: string;
    hours: number;
    recordedByAccountId: string | null;
    now: Date;
  },
): Promise<{ actionId: string; contractId: string } | null> {
  const action = await trx
    .selectFrom('contract_actions as a')
    .innerJoin('engagement_contracts as c', (j) =>
      j.onRef('c.territory_id', '=', 'a.territory_id').onRef('c.id', '=', 'a.contract_id'),
    )
    .select(['a.id', 'a.person_id', 'c.id as contract_id', 'c.status', 'c.start_on', 'c.end_on'])
    .where('a.territory_id', '=', input.territoryId)
    .where('a.referral_id', '=', input.referralId)
    .executeTakeFirst();
  if (!action || !runningContractStatuses.includes(action.status as never)) return null;
  if (weekRefusal(input.weekStart, { start_on: action.start_on, end_on: action.end_on }, input.now))
    return null;
  const values = {
    hours: input.hours,
    source: 'organisation',
    recorded_by_account_id: input.recordedByAccountId,
    recorded_at: input.now,
  };
  await trx
    .insertInto('weekly_hours')
    .values({
      territory_id: input.territoryId,
      action_id: action.id,
      week_start: input.weekStart,
      person_id: action.person_id,
      contract_id: action.contract_id,
      ...values,
    })
    .onConflict((oc) => oc.columns(['territory_id', 'action_id', 'week_start']).doUpdateSet(values))
    .execute();
  return { actionId: action.id, contractId: action.contract_id };
}
