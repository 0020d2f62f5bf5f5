import { statusKindLabels } from '@spie/contract/people';
import {
  allowedReferralActions,
  type ReferralAction,
  type ReferralActor,
  type ReferralOutcome,
  type ReferralStatus,
  type ReferralView,
  type RefusalReason,
  referralStatuses,
  type SharedItem,
} from '@spie/contract/referrals';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { DB, Referrals } from '../../db/schema';
import { notFound } from '../../kernel/errors';

export type Trx = Transaction<DB>;
export type ReferralRow = Selectable<Referrals>;

export const referralNotFound = () =>
  notFound('referral.not_found', 'Prescription introuvable, ou vous n’y avez pas accès.');

export async function loadReferralRow(
  trx: Trx,
  territoryId: string,
  id: string,
  forUpdate = false,
): Promise<ReferralRow> {
  let q = trx
    .selectFrom('referrals')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw referralNotFound();
  return row;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const day = (v: string | Date | null) =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/** The service, its structure and receiving contact, read straight from the catalogue tables. */
export async function loadServiceFacts(trx: Trx, territoryId: string, serviceId: string) {
  return trx
    .selectFrom('catalogue_services as s')
    .innerJoin('catalogue_structures as st', (j) =>
      j.onRef('st.territory_id', '=', 's.territory_id').onRef('st.id', '=', 's.structure_id'),
    )
    .select([
      's.id',
      's.nom',
      's.status',
      's.suspended_until',
      's.status_reason',
      's.accepts_referrals',
      's.waiting_list_enabled',
      's.owner_organisation_id',
      's.referral_contact_email',
      's.courriel',
      's.volume_horaire_hebdomadaire',
      'st.nom as structure_nom',
      'st.courriel as structure_courriel',
    ])
    .where('s.territory_id', '=', territoryId)
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
}
export type ServiceFacts = NonNullable<Awaited<ReturnType<typeof loadServiceFacts>>>;

/** Where the link of a service without owner goes: its referral contact, else its e-mail, else its structure's. */
export const contactAddress = (s: {
  referral_contact_email: string | null;
  courriel: string | null;
  structure_courriel: string | null;
}) => s.referral_contact_email ?? s.courriel ?? s.structure_courriel ?? null;

/** Shared data: only what the person agreed to share (the link holder sees nothing else). */
async function sharedData(trx: Trx, row: ReferralRow, today: string): Promise<ReferralView['sharedData']> {
  const shared = new Set(row.shared as SharedItem[]);
  const out: ReferralView['sharedData'] = {
    phone: null,
    email: null,
    birthDate: null,
    situation: [],
    documents: [],
  };
  if (shared.has('coordonnees') || shared.has('date_de_naissance')) {
    const p = await trx
      .selectFrom('persons')
      .select(['phone_mobile', 'phone_other', 'email', 'birth_date'])
      .where('territory_id', '=', row.territory_id)
      .where('id', '=', row.person_id)
      .executeTakeFirstOrThrow();
    if (shared.has('coordonnees')) {
      out.phone = p.phone_mobile ?? p.phone_other;
      out.email = p.email;
    }
    if (shared.has('date_de_naissance')) out.birthDate = day(p.birth_date);
  }
  if (shared.has('situation')) {
    const statuses = await trx
      .selectFrom('person_statuses')
      .select(['kind'])
      .where('territory_id', '=', row.territory_id)
      .where('person_id', '=', row.person_id)
      .where('kind', 'in', ['rsa', 'france_travail_registration', 'rqth'])
      .where('start_date', '<=', today)
      .where((w) => w.or([w('end_date', 'is', null), w('end_date', '>=', today)]))
      .execute();
    out.situation = [...new Set(statuses.map((s) => s.kind))]
      .sort()
      .map((k) => statusKindLabels[k as keyof typeof statusKindLabels] ?? k);
  }
  if (shared.has('documents') && row.document_ids.length > 0) {
    const docs = await trx
      .selectFrom('documents')
      .select(['id', 'filename'])
      .where('territory_id', '=', row.territory_id)
      .where('person_id', '=', row.person_id)
      .where('id', 'in', row.document_ids)
      .where('deleted_at', 'is', null)
      .orderBy('filename')
      .execute();
    out.documents = docs.map((d) => ({ id: d.id, name: d.filename }));
  }
  return out;
}

/** The full view of one referral, for a caller acting as `actors`. */
export async function toReferralView(
  trx: Trx,
  row: ReferralRow,
  actors: readonly ReferralActor[],
  today: string,
): Promise<ReferralView> {
  const t = row.territory_id;
  const [head, history, attendance, session, waitingAhead] = await Promise.all([
    trx
      .selectFrom('referrals as r')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
      )
      .innerJoin('catalogue_services as s', (j) =>
        j.onRef('s.territory_id', '=', 'r.territory_id').onRef('s.id', '=', 'r.service_id'),
      )
      .innerJoin('catalogue_structures as st', (j) =>
        j.onRef('st.territory_id', '=', 's.territory_id').onRef('st.id', '=', 's.structure_id'),
      )
      .innerJoin('accounts as a', 'a.id', 'r.sender_account_id')
      .innerJoin('organisations as so', (j) =>
        j.onRef('so.territory_id', '=', 'r.territory_id').onRef('so.id', '=', 'r.sender_organisation_id'),
      )
      .leftJoin('organisations as ro', (j) =>
        j.onRef('ro.territory_id', '=', 'r.territory_id').onRef('ro.id', '=', 'r.receiving_organisation_id'),
      )
      .select([
        'p.first_names',
        'p.birth_name',
        'p.usage_name',
        's.nom as service_nom',
        'st.nom as structure_nom',
        'a.first_name as sender_first',
        'a.last_name as sender_last',
        'so.name as sender_org',
        'ro.name as receiving_org',
      ])
      .where('r.territory_id', '=', t)
      .where('r.id', '=', row.id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('referral_history')
      .select(['at', 'from_status', 'to_status', 'actor_label', 'note'])
      .where('territory_id', '=', t)
      .where('referral_id', '=', row.id)
      .orderBy('at')
      // Transitions only move forward in the list of statuses: the tie-break of a same instant.
      .orderBy(sql`array_position(${sql.val([...referralStatuses])}::text[], to_status)`)
      .execute(),
    trx
      .selectFrom('referral_attendance')
      .select(['week_start', 'hours'])
      .where('territory_id', '=', t)
      .where('referral_id', '=', row.id)
      .orderBy('week_start')
      .execute(),
    row.session_id
      ? trx
          .selectFrom('catalogue_sessions')
          .select(['id', 'label', 'start_date'])
          .where('territory_id', '=', t)
          .where('id', '=', row.session_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    row.status === 'en_liste_d_attente' && row.waitlisted_at
      ? (() => {
          let q = trx
            .selectFrom('referrals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('territory_id', '=', t)
            .where('service_id', '=', row.service_id)
            .where('status', '=', 'en_liste_d_attente')
            .where('waitlisted_at', '<', row.waitlisted_at as Date);
          q = row.session_id ? q.where('session_id', '=', row.session_id) : q;
          return q.executeTakeFirst();
        })()
      : Promise.resolve(undefined),
  ]);
  const status = row.status as ReferralStatus;
  const receiver = actors.includes('receiver');
  return {
    id: row.id,
    person: {
      id: row.person_id,
      firstName: head.first_names[0] ?? '',
      lastName: head.usage_name ?? head.birth_name,
    },
    service: { id: row.service_id, nom: head.service_nom, structureNom: head.structure_nom },
    session: session
      ? { id: session.id, label: session.label, startDate: day(session.start_date) as string }
      : null,
    sender: { name: `${head.sender_first} ${head.sender_last}`, organisation: head.sender_org },
    receivingOrganisation: {
      id: row.receiving_organisation_id,
      name: head.receiving_org ?? head.structure_nom,
    },
    status,
    reason: row.reason,
    needs: (row.shared.includes('besoins') ? row.needs : []) as ReferralView['needs'],
    shared: row.shared as SharedItem[],
    sharedData: await sharedData(trx, row, today),
    refusalReason: row.refusal_reason as RefusalReason | null,
    outcome: row.outcome as ReferralOutcome | null,
    statusNote: row.status_note,
    entryDate: day(row.entry_date),
    endDate: day(row.end_date),
    waitingPosition: waitingAhead ? Number(waitingAhead.n) + 1 : null,
    createdAt: iso(row.created_at) as string,
    answeredAt: iso(row.answered_at),
    expiresAt: iso(row.expires_at),
    history: history.map((h) => ({
      at: iso(h.at) as string,
      from: h.from_status as ReferralStatus | null,
      to: h.to_status as ReferralStatus,
      by: h.actor_label,
      note: h.note,
    })),
    attendance: attendance.map((a) => ({ week: day(a.week_start) as string, hours: Number(a.hours) })),
    allowedActions: allowedReferralActions(status, actors).filter((a): a is ReferralAction => a !== 'expire'),
    canRecordAttendance: receiver && (status === 'entree' || status === 'en_cours'),
    revision: row.revision,
  };
}

/** One row of `referral_history` per transition (creation included). */
export async function addHistory(
  trx: Trx,
  row: { territory_id: string; id: string },
  entry: {
    at: Date;
    action: string;
    from: ReferralStatus | null;
    to: ReferralStatus;
    accountId: string | null;
    label: string;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('referral_history')
    .values({
      territory_id: row.territory_id,
      referral_id: row.id,
      at: entry.at,
      action: entry.action,
      from_status: entry.from,
      to_status: entry.to,
      actor_account_id: entry.accountId,
      actor_label: entry.label,
      note: entry.note ?? null,
    })
    .execute();
}
