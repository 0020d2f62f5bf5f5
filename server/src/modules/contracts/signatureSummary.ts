import {
  adjustmentGroundLabels,
  type SignatureSummary,
  stoppedActionStatuses,
} from '@spie/contract/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { frenchDate, parisToday } from '../people';
import { type ContractRow, loadPlan } from './contracts.store';
import type { LinkContext } from './publicSignature';

/** What the person may always do: a few plain sentences (domain §3). */
export const SIGNATURE_RIGHTS = [
  'Vous pouvez poser toutes vos questions à votre référent·e avant de signer, et après.',
  'Vous pouvez demander à changer votre contrat : il sera revu avec vous, et vous signerez le changement.',
  'Vous pouvez venir à vos rendez-vous avec une personne de votre choix.',
  'Si vous n’êtes pas d’accord avec une décision, vous pouvez faire un recours auprès du président du conseil départemental.',
  'Vos informations sont protégées : seules les personnes qui vous accompagnent peuvent les lire.',
];

const hoursWords = (h: number) => `${String(h).replace('.', ',')} heure${h >= 2 ? 's' : ''}`;

/** « Du 01/12/2026 au 31/01/2027 », « À partir du 01/12/2026 ». */
export function whenWords(start: string, end: string | null): string {
  return end ? `Du ${frenchDate(start)} au ${frenchDate(end)}` : `À partir du ${frenchDate(start)}`;
}

/**
 * The plain-French summary the person reads before signing: what I commit to (objectives and
 * their actions, when, hours per week), what the organisation commits to, my weekly activity
 * (with a reduction or waiver in words and its end date), my next appointment, my rights.
 */
export async function signatureSummary(
  trx: Transaction<DB>,
  row: ContractRow,
  context: LinkContext,
  now: Date,
): Promise<SignatureSummary> {
  const plan = await loadPlan(trx, row.territory_id, row.id);
  const today = parisToday(now);
  // The adjustment in force today, else the next one to come (the latest-starting wins).
  const current = plan.adjustments
    .filter((a) => a.endOn >= today)
    .sort(
      (a, b) =>
        (a.startOn <= today ? 0 : 1) - (b.startOn <= today ? 0 : 1) || b.startOn.localeCompare(a.startOn),
    )[0];
  const target = Number(row.weekly_target_hours);
  let adjustment: string | null = null;
  if (current) {
    const ground = adjustmentGroundLabels[current.ground].toLocaleLowerCase('fr-FR');
    const from = current.startOn > today ? `du ${frenchDate(current.startOn)} ` : '';
    adjustment =
      current.kind === 'dispense'
        ? `Vous êtes dispensé·e d’activité ${from}jusqu’au ${frenchDate(current.endOn)} (motif : ${ground}).`
        : `Votre activité est réduite à ${hoursWords(current.hours)} par semaine ${from}jusqu’au ${frenchDate(current.endOn)} (motif : ${ground}).`;
  }
  const appointment = row.next_appointment as { at: string; place: string } | null;
  return {
    firstName: context.firstName,
    organisationName: context.organisationName,
    referentName: context.contact.referentName,
    startOn: String(row.start_on ?? ''),
    endOn: String(row.end_on ?? ''),
    amendment: row.version > 0,
    myCommitments: plan.objectives
      .filter((o) => o.status !== 'abandonne')
      .map((o) => ({
        objective: o.label,
        actions: o.actions
          .filter((a) => !stoppedActionStatuses.includes(a.status))
          .map((a) => ({
            label: a.label,
            when: whenWords(a.plannedStart, a.plannedEnd),
            hoursPerWeek: a.plannedWeeklyHours,
          })),
      })),
    organisationCommitments: commitmentsOf(row.organisation_commitments),
    weeklyActivity: { targetHours: target, adjustment },
    nextAppointment: appointment ? { at: appointment.at, place: appointment.place } : null,
    rights: SIGNATURE_RIGHTS,
  };
}

function commitmentsOf(value: unknown): string[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
}
