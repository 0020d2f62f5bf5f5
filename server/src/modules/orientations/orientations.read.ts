import type { Path } from '@spie/contract/diagnostics';
import type {
  LeadKind,
  Orientation,
  OrientationAction,
  OrientationDecision,
  OrientationSource,
  OrientationStatus,
  ReorientationRequest,
  ReorientationStatus,
} from '@spie/contract/orientations';
import type { Selectable, Transaction } from 'kysely';
import type { DB, ReorientationRequests } from '../../db/schema';
import type { OrientationRow } from './orientations.store';

type Trx = Transaction<DB>;

/** Names of the accounts and organisations a few rows mention, in two queries. */
export async function namesOf(
  trx: Trx,
  territoryId: string,
  accountIds: (string | null)[],
  orgIds: (string | null)[],
) {
  const accounts = [...new Set(accountIds.filter((x): x is string => !!x))];
  const orgs = [...new Set(orgIds.filter((x): x is string => !!x))];
  const accountRows =
    accounts.length === 0
      ? []
      : await trx
          .selectFrom('accounts')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', accounts)
          .execute();
  const orgRows =
    orgs.length === 0
      ? []
      : await trx
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('territory_id', '=', territoryId)
          .where('id', 'in', orgs)
          .execute();
  const account = new Map(accountRows.map((a) => [a.id, `${a.first_name} ${a.last_name}`]));
  const org = new Map(orgRows.map((o) => [o.id, o.name]));
  return {
    person: (id: string | null) =>
      id ? { accountId: id, name: account.get(id) ?? 'Compte supprimé' } : null,
    organisation: (id: string | null) => (id ? { id, name: org.get(id) ?? 'Structure inconnue' } : null),
  };
}
type Names = Awaited<ReturnType<typeof namesOf>>;

/** What a proposal keeps (the names are those at the time of the proposal). */
export interface StoredProposal {
  path: Path;
  leadKind: LeadKind;
  organisationId: string;
  referentAccountId: string | null;
  reason: string;
  byAccountId: string | null;
  at: string;
}

export function toReorientationRequest(
  r: Selectable<ReorientationRequests>,
  names: Names,
): ReorientationRequest {
  return {
    id: r.id,
    orientationId: r.orientation_id,
    personId: r.person_id,
    status: r.status as ReorientationStatus,
    reason: r.reason,
    proposedPath: r.proposed_path as Path,
    proposedLeadKind: r.proposed_lead_kind as LeadKind | null,
    proposedOrganisation: names.organisation(r.proposed_organisation_id),
    requestedBy: names.person(r.requested_by_account_id) ?? {
      accountId: r.requested_by_account_id,
      name: '',
    },
    requestedByOrganisation: names.organisation(r.requested_by_organisation_id) ?? {
      id: r.requested_by_organisation_id,
      name: '',
    },
    requestedAt: r.requested_at.toISOString(),
    answeredBy: names.person(r.answered_by_account_id),
    answeredAt: r.answered_at?.toISOString() ?? null,
    answerReason: r.answer_reason,
    newOrientationId: r.new_orientation_id,
  };
}

const SYSTEM = { accountId: '00000000-0000-0000-0000-000000000000', name: 'SPIE (automatique)' };

/** Orientation rows as the contract shows them, with their reorientation requests. */
export async function toOrientations(
  trx: Trx,
  territoryId: string,
  rows: OrientationRow[],
  allowedActions: (row: OrientationRow) => OrientationAction[],
): Promise<Orientation[]> {
  if (rows.length === 0) return [];
  const requests = await trx
    .selectFrom('reorientation_requests')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where(
      'orientation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('requested_at', 'desc')
    .execute();
  const proposals = new Map(rows.map((r) => [r.id, r.proposal as StoredProposal | null]));
  const names = await namesOf(
    trx,
    territoryId,
    [
      ...rows.flatMap((r) => [
        r.decided_by_account_id,
        r.proposed_referent_account_id,
        r.referent_account_id,
        r.assigned_by_account_id,
        proposals.get(r.id)?.byAccountId ?? null,
        proposals.get(r.id)?.referentAccountId ?? null,
      ]),
      ...requests.flatMap((q) => [q.requested_by_account_id, q.answered_by_account_id]),
    ],
    [
      ...rows.flatMap((r) => [r.organisation_id, proposals.get(r.id)?.organisationId ?? null]),
      ...requests.flatMap((q) => [q.proposed_organisation_id, q.requested_by_organisation_id]),
    ],
  );
  return rows.map((r) => {
    const p = proposals.get(r.id) ?? null;
    const proposal: OrientationDecision | null = p
      ? {
          path: p.path,
          leadKind: p.leadKind,
          organisation: names.organisation(p.organisationId) ?? { id: p.organisationId, name: '' },
          referent: names.person(p.referentAccountId),
          reason: p.reason,
          by: names.person(p.byAccountId) ?? SYSTEM,
          at: p.at,
        }
      : null;
    const decision: OrientationDecision | null =
      r.decided_at && r.path && r.organisation_id
        ? {
            path: r.path as Path,
            leadKind: r.lead_kind as LeadKind,
            organisation: names.organisation(r.organisation_id) ?? { id: r.organisation_id, name: '' },
            referent: names.person(r.proposed_referent_account_id),
            reason: r.decision_reason ?? '',
            by: names.person(r.decided_by_account_id) ?? SYSTEM,
            at: r.decided_at.toISOString(),
          }
        : null;
    const referent = names.person(r.referent_account_id);
    return {
      id: r.id,
      personId: r.person_id,
      status: r.status as OrientationStatus,
      source: r.source as OrientationSource,
      informationReceivedOn: r.information_received_on,
      deadline: r.deadline,
      deadlinePastAtCreation: r.deadline_past_at_creation,
      recommendedPath: r.recommended_path as Path | null,
      proposal,
      decision,
      notifiedAt: r.notified_at?.toISOString() ?? null,
      contractDeadline: r.contract_deadline,
      letterDocumentId: r.letter_document_id,
      referent:
        referent && r.assigned_at
          ? {
              accountId: referent.accountId,
              name: referent.name,
              assignedAt: r.assigned_at.toISOString(),
              assignedBy: names.person(r.assigned_by_account_id) ?? SYSTEM,
            }
          : null,
      previousOrientationId: r.previous_orientation_id,
      endedAt: r.ended_at?.toISOString() ?? null,
      endReason: r.end_reason,
      createdAt: r.created_at.toISOString(),
      reorientationRequests: requests
        .filter((q) => q.orientation_id === r.id)
        .map((q) => toReorientationRequest(q, names)),
      allowedActions: allowedActions(r),
    };
  });
}
