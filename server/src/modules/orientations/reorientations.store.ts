import type { ReorientationRequest } from '@spie/contract/orientations';
import type { Selectable, Transaction } from 'kysely';
import type { DB, ReorientationRequests } from '../../db/schema';
import { notFound } from '../../kernel/errors';
import { namesOf, toReorientationRequest } from './orientations.read';

type Trx = Transaction<DB>;

export async function loadRequest(trx: Trx, territoryId: string, id: string, forUpdate = false) {
  let q = trx
    .selectFrom('reorientation_requests')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('reorientation.not_found', 'Demande de réorientation introuvable.');
  return row;
}

export async function viewRequests(
  trx: Trx,
  territoryId: string,
  rows: Selectable<ReorientationRequests>[],
): Promise<ReorientationRequest[]> {
  const names = await namesOf(
    trx,
    territoryId,
    rows.flatMap((r) => [r.requested_by_account_id, r.answered_by_account_id]),
    rows.flatMap((r) => [r.proposed_organisation_id, r.requested_by_organisation_id]),
  );
  return rows.map((r) => toReorientationRequest(r, names));
}

export async function viewRequest(trx: Trx, territoryId: string, id: string): Promise<ReorientationRequest> {
  const [view] = await viewRequests(trx, territoryId, [await loadRequest(trx, territoryId, id)]);
  if (!view) throw new Error('request vanished');
  return view;
}
