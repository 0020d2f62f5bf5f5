import {
  allowedContractActions,
  type Contract,
  type ContractAction,
  type ContractActor,
  type ContractEndReason,
  type ContractFacts,
  type ContractKind,
  type ContractStatus,
  type ContractSummary,
  runningContractStatuses,
} from '@spie/contract/contracts';
import type { Path } from '@spie/contract/diagnostics';
import type { TerritorySettings } from '@spie/contract/territories';
import { type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { DB, EngagementContracts } from '../../db/schema';
import type { Actor, MemberActor } from '../../kernel/actor';
import { conflict, notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { parisToday } from '../people';
import { loadTerritory } from '../territories';
import { contractAccess } from './contracts.access';
import { checkContractTransition } from './contracts.engine';
import { type ContractTimelineFacts, emitContractEvent } from './contracts.timeline';

type Trx = Transaction<DB>;
export type ContractRow = Selectable<EngagementContracts>;

export const territoryOf = (actor: Actor): string => {
  if (actor.kind === 'member') return actor.territoryId;
  if (actor.kind === 'system' && actor.territoryId) return actor.territoryId;
  throw new Error('contracts act within a territory');
};
export const accountOf = (actor: Actor): string | null => (actor.kind === 'member' ? actor.accountId : null);

export const contractNotFound = () =>
  notFound('contract.not_found', 'Contrat introuvable, ou vous n’y avez pas accès.');

/** One contract of the territory; `forUpdate` locks it for the change that follows. */
export async function loadContractRow(
  trx: Trx | Db,
  territoryId: string,
  id: string,
  forUpdate = false,
): Promise<ContractRow> {
  let q = trx
    .selectFrom('engagement_contracts')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw contractNotFound();
  return row;
}

/** What the transition table depends on besides the state. */
export const factsOf = (row: ContractRow): ContractFacts => ({
  kind: row.kind as ContractKind,
  signed: row.version > 0,
  planChanged: row.plan_changed,
});

export const contractChanged = () =>
  conflict(
    'contract.changed',
    'Ce contrat vient d’être modifié par quelqu’un d’autre : rechargez la page pour voir son état actuel.',
  );

export async function settingsOf(db: Trx | Db, territoryId: string): Promise<TerritorySettings> {
  return (await loadTerritory(db as Db, territoryId)).settings;
}

/** `isoDate` + `months` calendar months (the last day of a shorter month when needed). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Next review of a running contract: territory months (social path: its own, longer when extended). */
export function reviewDueOn(row: ContractRow, settings: TerritorySettings, from: string): string {
  const months =
    row.path === 'social'
      ? row.review_extension_reason
        ? settings.socialPathReviewExtendedMonths
        : settings.socialPathReviewMonths
      : settings.contractReviewMonths;
  return addMonths(from, months);
}

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Applies one transition of the table to a locked contract: checks it (engine), writes the new
 * state with the action's columns, emits the table's events with their timeline entries. A
 * concurrent change of state between the read and the write is a conflict.
 */
export async function applyContractTransition(
  ctx: UseCaseContext,
  row: ContractRow,
  t: {
    action: ContractAction;
    actors: readonly ContractActor[];
    fields?: Record<string, unknown>;
    set?: Updateable<EngagementContracts>;
    facts?: ContractTimelineFacts;
    payload?: Record<string, unknown>;
    check?: () => void;
  },
) {
  const transition = checkContractTransition({
    from: row.status as ContractStatus,
    action: t.action,
    facts: factsOf(row),
    actors: t.actors,
    fields: t.fields ?? {},
  });
  t.check?.();
  const result = await ctx.trx
    .updateTable('engagement_contracts')
    .set({ ...t.set, status: transition.to, updated_at: ctx.now, revision: row.revision + 1 })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('revision', '=', row.revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw contractChanged();
  for (const type of transition.emits)
    emitContractEvent(
      ctx,
      type,
      row.person_id,
      row.id,
      { kind: row.kind as ContractKind, version: row.version, ...t.facts },
      { ...t.payload },
    );
  return transition;
}

/**
 * A change of the plan (objectives, actions' planned fields, header, adjustments): the engine's
 * `editPlan`, allowed in draft and in review only (else `invalid_transition` telling to open a
 * revision). In review, the plan now differs from the signed version: an amendment is due.
 */
export async function requirePlanEdit(
  ctx: UseCaseContext,
  row: ContractRow,
  actors: readonly ContractActor[],
): Promise<void> {
  checkContractTransition({
    from: row.status as ContractStatus,
    action: 'editPlan',
    facts: factsOf(row),
    actors,
  });
  await ctx.trx
    .updateTable('engagement_contracts')
    .set({ updated_at: ctx.now, ...(row.status === 'en_revision' ? { plan_changed: true } : {}) })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
}

/** Follow-up of objectives and actions' statuses: in draft it is a plan edit, after signature `followUp`. */
export async function requireFollowUp(
  ctx: UseCaseContext,
  row: ContractRow,
  actors: readonly ContractActor[],
): Promise<void> {
  if (row.status === 'brouillon' || row.status === 'en_revision') {
    // In review a status change is follow-up, not a change of the signed commitments.
    if (row.status === 'brouillon') return requirePlanEdit(ctx, row, actors);
  }
  checkContractTransition({
    from: row.status as ContractStatus,
    action: 'followUp',
    facts: factsOf(row),
    actors,
  });
  await ctx.trx
    .updateTable('engagement_contracts')
    .set({ updated_at: ctx.now })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
}

/** Open signature links of the contract no longer work (withdrawn, ended, renewed, signed in person). */
export async function replaceOpenLinks(ctx: UseCaseContext, row: ContractRow): Promise<void> {
  await ctx.trx
    .updateTable('signature_links')
    .set({ replaced_at: ctx.now })
    .where('territory_id', '=', row.territory_id)
    .where('contract_id', '=', row.id)
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .execute();
}

// ——— Reading the plan ———

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export interface PlanData {
  objectives: Contract['objectives'];
  adjustments: Contract['adjustments'];
}

/** Objectives with their actions (and hours done), adjustments: three queries whatever the plan's size. */
export async function loadPlan(db: Trx | Db, territoryId: string, contractId: string): Promise<PlanData> {
  const [objectives, actions, adjustments] = await Promise.all([
    db
      .selectFrom('contract_objectives')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('contract_id', '=', contractId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('contract_actions as a')
      .leftJoin('organisations as o', (j) =>
        j.onRef('o.territory_id', '=', 'a.territory_id').onRef('o.id', '=', 'a.responsible_organisation_id'),
      )
      .select([
        'a.id',
        'a.objective_id',
        'a.code',
        'a.label',
        'a.responsible_organisation_id',
        'o.name as organisation_name',
        'a.planned_start',
        'a.planned_end',
        'a.planned_weekly_hours',
        'a.status',
        'a.status_reason',
        'a.service_id',
        'a.referral_id',
        (eb) =>
          eb
            .selectFrom('weekly_hours as h')
            .select(sql<string>`coalesce(sum(h.hours), 0)`.as('s'))
            .whereRef('h.territory_id', '=', 'a.territory_id')
            .whereRef('h.action_id', '=', 'a.id')
            .as('hours_done'),
      ])
      .where('a.territory_id', '=', territoryId)
      .where('a.contract_id', '=', contractId)
      .orderBy('a.objective_id')
      .orderBy('a.position')
      .execute(),
    db
      .selectFrom('activity_adjustments as j')
      .innerJoin('accounts as acc', 'acc.id', 'j.recorded_by_account_id')
      .select([
        'j.id',
        'j.kind',
        'j.ground',
        'j.justification',
        'j.hours',
        'j.start_on',
        'j.end_on',
        'j.recorded_by_account_id',
        'j.recorded_at',
        'acc.first_name',
        'acc.last_name',
      ])
      .where('j.territory_id', '=', territoryId)
      .where('j.contract_id', '=', contractId)
      .orderBy('j.start_on')
      .orderBy('j.id')
      .execute(),
  ]);
  const byObjective = new Map<string, Contract['objectives'][number]['actions']>();
  for (const a of actions) {
    const list = byObjective.get(a.objective_id) ?? [];
    list.push({
      id: a.id,
      objectiveId: a.objective_id,
      code: a.code,
      label: a.label,
      responsibleOrganisation:
        a.responsible_organisation_id && a.organisation_name
          ? { id: a.responsible_organisation_id, name: a.organisation_name }
          : null,
      plannedStart: day(a.planned_start) as string,
      plannedEnd: day(a.planned_end),
      plannedWeeklyHours: num(a.planned_weekly_hours),
      status: a.status as Contract['objectives'][number]['actions'][number]['status'],
      statusReason: a.status_reason,
      serviceId: a.service_id,
      referralId: a.referral_id,
      hoursDone: num(a.hours_done),
    });
    byObjective.set(a.objective_id, list);
  }
  return {
    objectives: objectives.map((o) => ({
      id: o.id,
      code: o.code,
      label: o.label,
      theme: o.theme as Contract['objectives'][number]['theme'],
      need: (o.need as Contract['objectives'][number]['need']) ?? null,
      status: o.status as Contract['objectives'][number]['status'],
      statusReason: o.status_reason,
      actions: byObjective.get(o.id) ?? [],
    })),
    adjustments: adjustments.map((j) => ({
      id: j.id,
      kind: j.kind as Contract['adjustments'][number]['kind'],
      ground: j.ground as Contract['adjustments'][number]['ground'],
      justification: j.justification,
      hours: num(j.hours),
      startOn: day(j.start_on) as string,
      endOn: day(j.end_on) as string,
      recordedBy: { accountId: j.recorded_by_account_id, name: `${j.first_name} ${j.last_name}` },
      recordedAt: iso(j.recorded_at),
    })),
  };
}

export function toContractSummary(row: ContractRow, organisationName: string | null): ContractSummary {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind as ContractKind,
    status: row.status as ContractStatus,
    version: row.version,
    organisation:
      row.organisation_id && organisationName ? { id: row.organisation_id, name: organisationName } : null,
    organisationName: row.organisation_name ?? organisationName,
    startOn: day(row.start_on),
    endOn: day(row.end_on),
    signedAt: row.signed_at ? iso(row.signed_at) : null,
    endReason: (row.end_reason as ContractEndReason | null) ?? null,
    endNote: row.end_note,
    previousContractId: row.previous_contract_id,
    nextContractId: row.next_contract_id,
    createdAt: iso(row.created_at),
  };
}

/** Summaries of several contracts with their organisations' names (one query). */
export async function toContractSummaries(db: Trx | Db, rows: ContractRow[]): Promise<ContractSummary[]> {
  const ids = [...new Set(rows.map((r) => r.organisation_id).filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  if (ids.length > 0 && rows[0]) {
    const orgs = await db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('territory_id', '=', rows[0].territory_id)
      .where('id', 'in', ids)
      .execute();
    for (const o of orgs) names.set(o.id, o.name);
  }
  return rows.map((r) =>
    toContractSummary(r, r.organisation_id ? (names.get(r.organisation_id) ?? null) : null),
  );
}

/** The person's context of a contract: current référent, organisation name, current orientation's deadline. */
async function contractContext(db: Trx | Db, row: ContractRow) {
  return db
    .selectFrom('persons as p')
    .where('p.territory_id', '=', row.territory_id)
    .where('p.id', '=', row.person_id)
    .select([
      (eb) =>
        eb
          .selectFrom('organisations')
          .select('name')
          .where('territory_id', '=', row.territory_id)
          .where('id', '=', row.organisation_id ?? '00000000-0000-0000-0000-000000000000')
          .as('organisation_name'),
      (eb) =>
        eb
          .selectFrom('follow_ups as f')
          .innerJoin('accounts as a', 'a.id', 'f.account_id')
          .select(sql<string>`a.id || '|' || a.first_name || ' ' || a.last_name`.as('r'))
          .where('f.territory_id', '=', row.territory_id)
          .where('f.person_id', '=', row.person_id)
          .where('f.role', '=', 'referent')
          .where('f.status', '=', 'active')
          .limit(1)
          .as('referent'),
      (eb) =>
        eb
          .selectFrom('orientations')
          .select(sql<string>`contract_deadline::text`.as('d'))
          .where('territory_id', '=', row.territory_id)
          .where('person_id', '=', row.person_id)
          .where('status', 'in', ['notifiee', 'referent_designe'])
          .limit(1)
          .as('signature_deadline'),
    ])
    .executeTakeFirstOrThrow();
}

export function deadlinesOf(
  row: ContractRow,
  signatureDeadline: string | null,
  today: string,
): Contract['deadlines'] {
  const open = ['brouillon', 'propose'].includes(row.status) && row.version === 0;
  const reviewDue = day(row.review_due_on);
  return {
    signatureDeadline: row.kind === 'engagement' ? signatureDeadline : null,
    signatureOverdue: row.kind === 'engagement' && open && !!signatureDeadline && today > signatureDeadline,
    reviewDueOn: reviewDue,
    reviewOverdue: row.status === 'actif' && !!reviewDue && today > reviewDue,
    endOn: day(row.end_on),
  };
}

/**
 * The full contract as the screens show it, in a fixed number of queries: header and context,
 * plan (objectives, actions with hours done, adjustments), signed versions, pending link, and
 * what the caller may do.
 */
export async function toContract(ctx: UseCaseContext<MemberActor>, row: ContractRow): Promise<Contract> {
  const t = row.territory_id;
  const [context, plan, versions, link, access] = await Promise.all([
    contractContext(ctx.trx, row),
    loadPlan(ctx.trx, t, row.id),
    ctx.trx
      .selectFrom('contract_versions as v')
      .leftJoin('accounts as a', 'a.id', 'v.recorded_by_account_id')
      .select([
        'v.version',
        'v.amendment',
        'v.signed_at',
        'v.signature_mode',
        'v.channel',
        'v.recorded_by_account_id',
        'a.first_name',
        'a.last_name',
        'v.document_id',
        'v.scan_document_id',
      ])
      .where('v.territory_id', '=', t)
      .where('v.contract_id', '=', row.id)
      .orderBy('v.version', 'desc')
      .execute(),
    ctx.trx
      .selectFrom('signature_links as l')
      .innerJoin('accounts as a', 'a.id', 'l.sent_by_account_id')
      .select([
        'l.id',
        'l.channel',
        'l.sent_to_masked',
        'l.created_at',
        'l.expires_at',
        'l.sent_by_account_id',
        'a.first_name',
        'a.last_name',
      ])
      .where('l.territory_id', '=', t)
      .where('l.contract_id', '=', row.id)
      .where('l.used_at', 'is', null)
      .where('l.replaced_at', 'is', null)
      .where('l.expires_at', '>', ctx.now)
      .orderBy('l.created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    contractAccess(ctx, row.person_id),
  ]);
  const [referentId, referentName] = context.referent ? context.referent.split('|') : [null, null];
  const facts = factsOf(row);
  const status = row.status as ContractStatus;
  const actors = access.actors;
  const orgOfActions = plan.objectives.some((o) =>
    o.actions.some((a) => a.responsibleOrganisation?.id === ctx.actor.organisationId),
  );
  const running = runningContractStatuses.includes(status) && row.kind === 'engagement';
  return {
    ...toContractSummary(row, context.organisation_name ?? null),
    orientationId: row.orientation_id,
    path: (row.path as Path | null) ?? null,
    referent: referentId && referentName ? { accountId: referentId, name: referentName } : null,
    weeklyTargetHours: num(row.weekly_target_hours),
    organisationCommitments: (row.organisation_commitments as string[] | null) ?? [],
    nextAppointment: (row.next_appointment as Contract['nextAppointment']) ?? null,
    reviewExtensionReason: row.review_extension_reason,
    note: row.note,
    deadlines: deadlinesOf(row, context.signature_deadline ?? null, parisToday(ctx.now)),
    planChanged: row.plan_changed,
    objectives: plan.objectives,
    adjustments: plan.adjustments,
    versions: versions.map((v) => ({
      version: v.version,
      amendment: v.amendment,
      signedAt: iso(v.signed_at),
      signatureMode: v.signature_mode as Contract['versions'][number]['signatureMode'],
      channel: (v.channel as Contract['versions'][number]['channel']) ?? null,
      recordedBy:
        v.recorded_by_account_id && v.first_name
          ? { accountId: v.recorded_by_account_id, name: `${v.first_name} ${v.last_name}` }
          : null,
      documentId: v.document_id,
      scanDocumentId: v.scan_document_id,
    })),
    pendingLink: link
      ? {
          id: link.id,
          channel: link.channel as 'sms' | 'email',
          sentTo: link.sent_to_masked,
          sentAt: iso(link.created_at),
          expiresAt: iso(link.expires_at),
          sentBy: { accountId: link.sent_by_account_id, name: `${link.first_name} ${link.last_name}` },
        }
      : null,
    revision: row.revision,
    allowedActions: access.read ? allowedContractActions(status, facts, actors) : [],
    canRecordHours:
      access.read &&
      running &&
      (actors.includes('referent') || (access.relation.teamRole !== null && orgOfActions)),
  };
}

/** Reloads the contract after a write and views it. */
export async function viewContract(ctx: UseCaseContext<MemberActor>, territoryId: string, id: string) {
  return toContract(ctx, await loadContractRow(ctx.trx, territoryId, id));
}
