import type { MemberActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, personAccess } from '../people';
import { type AppointmentRow, loadAppointmentRow } from './appointments.store';

/**
 * Appointments are part of the journey section of the person record (domain §8).
 * - Read: whoever reads the journey (the team, the structure managers of an organisation that
 *   follows the person), and the professionals who hold the appointment.
 * - Write (move, record the outcome, cancel): the professionals who hold it; otherwise a journey
 *   writer (team member) of the appointment's organisation, or the person's référent or a
 *   co-référent whatever their organisation. An intervenant of another organisation does not
 *   handle someone else's appointments.
 */
export interface AppointmentAccess {
  row: AppointmentRow;
  professionalIds: string[];
  read: boolean;
  write: boolean;
}

const loaded = new WeakMap<object, Map<string, Promise<AppointmentAccess>>>();

async function computeAccess(ctx: UseCaseContext<MemberActor>, id: string): Promise<AppointmentAccess> {
  const row = await loadAppointmentRow(ctx.trx, ctx.actor.territoryId, id);
  const pros = await ctx.trx
    .selectFrom('appointment_professionals')
    .select('account_id')
    .where('territory_id', '=', row.territory_id)
    .where('appointment_id', '=', row.id)
    .execute();
  const professionalIds = pros.map((p) => p.account_id);
  if (ctx.actor.role === 'steering_viewer') return { row, professionalIds, read: false, write: false };
  const { access, relation } = await personAccess(ctx, row.person_id);
  const holder = professionalIds.includes(ctx.actor.accountId);
  const write =
    holder ||
    (may(access, 'journey', 'write') &&
      (ctx.actor.organisationId === row.organisation_id ||
        relation.teamRole === 'referent' ||
        relation.teamRole === 'co_referent'));
  return { row, professionalIds, read: holder || may(access, 'journey', 'read'), write };
}

/** The caller's access to one appointment, loaded once per use case run (authorize and run both ask). */
export function appointmentAccess(ctx: UseCaseContext<MemberActor>, id: string): Promise<AppointmentAccess> {
  let byId = loaded.get(ctx);
  if (!byId) {
    byId = new Map();
    loaded.set(ctx, byId);
  }
  let access = byId.get(id);
  if (!access) {
    access = computeAccess(ctx, id);
    byId.set(id, access);
  }
  return access;
}

/** Same rule as `appointmentAccess().write`, for lists where the person's access is known. */
export function mayWriteWith(
  actor: MemberActor,
  journey: { write: boolean; teamRole: string | null },
  row: AppointmentRow,
  professionalIds: string[],
): boolean {
  if (actor.role === 'steering_viewer') return false;
  if (professionalIds.includes(actor.accountId)) return true;
  return (
    journey.write &&
    (actor.organisationId === row.organisation_id ||
      journey.teamRole === 'referent' ||
      journey.teamRole === 'co_referent')
  );
}

/**
 * Who may hold an appointment: an account with an active membership in the organisation
 * (not a steering viewer), or a professional named in the person's active team.
 */
export async function checkProfessionals(
  ctx: UseCaseContext,
  territoryId: string,
  organisationId: string,
  personId: string,
  accountIds: string[],
): Promise<string[]> {
  const wanted = [...new Set(accountIds)];
  if (wanted.length === 0) {
    throw new DomainError(
      'validation',
      'appointments.no_professional',
      'Choisissez au moins un professionnel.',
      [{ path: 'professionalAccountIds', message: 'Choisissez au moins un professionnel.' }],
    );
  }
  const [members, team] = await Promise.all([
    ctx.trx
      .selectFrom('memberships')
      .select('account_id')
      .where('territory_id', '=', territoryId)
      .where('organisation_id', '=', organisationId)
      .where('account_id', 'in', wanted)
      .where('ended_at', 'is', null)
      .where('role', '<>', 'steering_viewer')
      .execute(),
    ctx.trx
      .selectFrom('follow_ups')
      .select('account_id')
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', personId)
      .where('account_id', 'in', wanted)
      .where('status', '=', 'active')
      .execute(),
  ]);
  const ok = new Set([...members, ...team].map((r) => r.account_id));
  const unknown = wanted.filter((id) => !ok.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      'validation',
      'appointments.professional_unknown',
      'Un professionnel choisi ne fait partie ni de votre structure ni de l’équipe de la personne.',
      [
        {
          path: 'professionalAccountIds',
          message: 'Choisissez des professionnels de votre structure ou de l’équipe de la personne.',
        },
      ],
      { unknown },
    );
  }
  return wanted;
}
