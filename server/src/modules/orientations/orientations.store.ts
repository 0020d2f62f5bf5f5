import type { Path } from '@spie/contract/diagnostics';
import {
  type DecisionFields,
  type LeadKind,
  leadKindLabels,
  leadKindOrganisationKinds,
  type OrientationAction,
  type OrientationActor,
  type OrientationSource,
  type OrientationStatus,
  type TransitionSettings,
} from '@spie/contract/orientations';
import type { TerritorySettings } from '@spie/contract/territories';
import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { DB, Orientations } from '../../db/schema';
import type { Actor } from '../../kernel/actor';
import { conflict, fieldError, notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { latestRecommendedPath } from '../diagnostics';
import { addDays, parisToday, personEvent } from '../people';
import { loadTerritory } from '../territories';
import { checkTransition } from './orientations.engine';
import { orientationTimeline, type TimelineFacts } from './orientations.timeline';

type Trx = Transaction<DB>;
export type OrientationRow = Selectable<Orientations>;

export const territoryOf = (actor: Actor): string => {
  if (actor.kind === 'member') return actor.territoryId;
  if (actor.kind === 'system' && actor.territoryId) return actor.territoryId;
  throw new Error('orientations act within a territory');
};
export const accountOf = (actor: Actor): string | null => (actor.kind === 'member' ? actor.accountId : null);

export const orientationNotFound = () =>
  notFound('orientation.not_found', 'Orientation introuvable, ou vous n’y avez pas accès.');

/** One orientation of the territory; `forUpdate` locks it for the transition that follows. */
export async function loadOrientation(
  trx: Trx,
  territoryId: string,
  id: string,
  forUpdate = false,
): Promise<OrientationRow> {
  let q = trx
    .selectFrom('orientations')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw orientationNotFound();
  return row;
}

export async function settingsOf(db: Db, territoryId: string): Promise<TerritorySettings> {
  return (await loadTerritory(db, territoryId)).settings;
}
export const transitionSettings = (s: TerritorySettings): TransitionSettings => ({
  orientationValidationStep: s.orientationValidationStep,
});

export interface CheckedDecision {
  path: Path;
  leadKind: LeadKind;
  organisation: { id: string; name: string; sensitive: boolean };
  referent: { id: string; name: string } | null;
  reason: string;
}

/** Roles a référent unique holds in their organisation. */
const REFERENT_ROLES = ['professional', 'social_worker'];

/** The organisation fits the lead kind and is active in the territory; the référent works there. */
export async function checkDecision(
  trx: Trx,
  territoryId: string,
  f: Pick<DecisionFields, 'path' | 'leadKind' | 'organisationId' | 'referentAccountId' | 'reason'>,
): Promise<CheckedDecision> {
  const organisation = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'active', 'sensitive'])
    .where('territory_id', '=', territoryId)
    .where('id', '=', f.organisationId)
    .executeTakeFirst();
  if (!organisation?.active) {
    throw fieldError(
      'orientation.organisation_invalid',
      'organisationId',
      'Cette structure n’existe pas ou n’est plus active sur le territoire.',
    );
  }
  if (!leadKindOrganisationKinds[f.leadKind].includes(organisation.kind)) {
    throw fieldError(
      'orientation.organisation_kind',
      'organisationId',
      `Cette structure ne peut pas être l’organisme référent « ${leadKindLabels[f.leadKind]} ».`,
    );
  }
  const referent = f.referentAccountId
    ? await referentOf(trx, territoryId, f.organisationId, f.referentAccountId)
    : null;
  if (f.referentAccountId && !referent) throw referentNotMember('referentAccountId');
  return {
    path: f.path,
    leadKind: f.leadKind,
    organisation: { id: organisation.id, name: organisation.name, sensitive: organisation.sensitive },
    referent,
    reason: f.reason,
  };
}

export const referentNotMember = (path: string) =>
  fieldError(
    'orientation.referent_not_member',
    path,
    'Ce ou cette référent·e doit être professionnel·le ou travailleur·se social·e de la structure choisie.',
  );

/** A professional or social worker currently working in the organisation. */
export async function referentOf(trx: Trx, territoryId: string, organisationId: string, accountId: string) {
  const row = await trx
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.first_name', 'a.last_name'])
    .where('m.territory_id', '=', territoryId)
    .where('m.organisation_id', '=', organisationId)
    .where('m.account_id', '=', accountId)
    .where('m.ended_at', 'is', null)
    .where('m.role', 'in', REFERENT_ROLES)
    .where('a.active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, name: `${row.first_name} ${row.last_name}` } : null;
}

/** Decision columns shared by `decide`, bulk decisions and accepted reorientations. */
export const decisionColumns = (d: CheckedDecision, actor: Actor, now: Date) => ({
  path: d.path,
  lead_kind: d.leadKind,
  organisation_id: d.organisation.id,
  proposed_referent_account_id: d.referent?.id ?? null,
  decision_reason: d.reason,
  decided_by_account_id: accountOf(actor),
  decided_at: now,
});

export const decisionFacts = (d: CheckedDecision): TimelineFacts => ({
  path: d.path,
  organisationName: d.organisation.name,
  organisationSensitive: d.organisation.sensitive,
  reason: d.reason,
});

/** Emits the events a transition lists in the table, each with its timeline entry. */
export function emitOrientationEvents(
  ctx: UseCaseContext,
  types: readonly string[],
  personId: string,
  facts: TimelineFacts,
  payload: Record<string, unknown>,
): void {
  for (const type of types)
    ctx.emit(personEvent(ctx, type, personId, orientationTimeline(type, facts), payload));
}

/**
 * Applies one transition of the table to a locked orientation: checks it (engine), writes the
 * new state with the action's columns, emits the table's events. A concurrent change of state
 * between the read and the write is a conflict, never a silent overwrite.
 */
export async function applyTransition(
  ctx: UseCaseContext,
  row: OrientationRow,
  t: {
    action: OrientationAction;
    actors: readonly OrientationActor[];
    settings: TransitionSettings;
    fields: Record<string, unknown>;
    set?: Updateable<Orientations>;
    facts?: TimelineFacts;
    payload?: Record<string, unknown>;
    /** The caller emits the events itself (a reorientation lists them in its own table). */
    silent?: boolean;
    /** Checks of the action's own data, once the engine accepted the transition. */
    check?: () => void;
  },
) {
  const transition = checkTransition({
    from: row.status as OrientationStatus,
    action: t.action,
    actors: t.actors,
    settings: t.settings,
    fields: t.fields,
  });
  t.check?.();
  const result = await ctx.trx
    .updateTable('orientations')
    .set({ ...t.set, status: transition.to, updated_at: ctx.now })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw orientationChanged();
  if (!t.silent) {
    emitOrientationEvents(ctx, transition.emits, row.person_id, t.facts ?? {}, {
      orientationId: row.id,
      ...t.payload,
    });
  }
  return transition;
}

export const orientationChanged = () =>
  conflict(
    'orientation.changed',
    'Cette orientation vient d’être modifiée par quelqu’un d’autre : rechargez la page pour voir son état actuel.',
  );

const OPEN: OrientationStatus[] = ['a_orienter', 'proposee', 'decidee', 'notifiee', 'referent_designe'];

export async function openOrientation(trx: Trx, territoryId: string, personId: string) {
  return trx
    .selectFrom('orientations')
    .select(['id', 'status'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
}

/**
 * Puts the person « à orienter »: the deadline counts from the day the information arrived
 * (territory delay); a deadline already past is allowed and flagged. The recommended path comes
 * from the latest diagnostic (updated later when a diagnostic is completed).
 */
export async function insertPendingOrientation(
  ctx: UseCaseContext,
  o: { personId: string; source: OrientationSource; informationReceivedOn: string; reason?: string | null },
): Promise<OrientationRow> {
  const territoryId = territoryOf(ctx.actor);
  const settings = await settingsOf(ctx.trx, territoryId);
  const deadline = addDays(o.informationReceivedOn, settings.orientationDelayDays);
  const row = await ctx.trx
    .insertInto('orientations')
    .values({
      territory_id: territoryId,
      person_id: o.personId,
      status: 'a_orienter',
      source: o.source,
      information_received_on: o.informationReceivedOn,
      deadline,
      deadline_past_at_creation: deadline < parisToday(ctx.now),
      recommended_path: await latestRecommendedPath(ctx.trx, territoryId, o.personId),
      created_by_account_id: accountOf(ctx.actor),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  emitOrientationEvents(
    ctx,
    ['OrientationStarted'],
    o.personId,
    { source: o.source, deadline, reason: o.reason ?? null },
    { orientationId: row.id, deadline, source: o.source },
  );
  return row;
}
