import type { UseCaseContext } from '../../kernel/useCase';
import { parisToday } from '../people';
import { buildSnapshot } from './contractSnapshot';
import {
  applyContractTransition,
  type ContractRow,
  loadContractRow,
  reviewDueOn,
  settingsOf,
  territoryOf,
} from './contracts.store';

export interface SignatureInput {
  mode: 'papier' | 'ecran' | 'lien';
  channel: 'sms' | 'email' | null;
  ip: string | null;
  recordedByAccountId: string | null; // null when the person signed by link
  signedAt: Date;
  scanDocumentId: string | null;
}

/**
 * Records a signature of the proposed contract (in person by the référent, or remotely by the
 * person through a link): a new signed version (1, then one more per amendment) with a frozen
 * snapshot, `signe`, open links used (remote) or replaced (in person), `ContractSigned` (the
 * worker renders the PDF); then the system starts the contract when its start date has come
 * (otherwise the daily job does on that day). `row` is the contract, locked by the caller.
 */
export async function recordSignature(
  ctx: UseCaseContext,
  row: ContractRow,
  input: SignatureInput,
): Promise<void> {
  const version = row.version + 1;
  const snapshot = await buildSnapshot(ctx.trx, row, version, {
    mode: input.mode,
    channel: input.channel,
    signedAt: input.signedAt.toISOString(),
  });
  await applyContractTransition(ctx, row, {
    action: 'sign',
    actors: input.mode === 'lien' ? ['person'] : ['referent'],
    fields: { signatureMode: input.mode },
    set: { version, signed_at: input.signedAt, plan_changed: false },
    facts: { version, mode: input.mode },
    payload: { version },
  });
  await ctx.trx
    .insertInto('contract_versions')
    .values({
      territory_id: row.territory_id,
      contract_id: row.id,
      version,
      amendment: version > 1,
      signed_at: input.signedAt,
      signature_mode: input.mode,
      channel: input.channel,
      signed_ip: input.ip,
      recorded_by_account_id: input.recordedByAccountId,
      snapshot: JSON.stringify(snapshot),
      document_id: null,
      scan_document_id: input.scanDocumentId,
    })
    .execute();
  // The link the person used serves once; any other open link dies with this signature.
  await ctx.trx
    .updateTable('signature_links')
    .set(input.mode === 'lien' ? { used_at: input.signedAt } : { replaced_at: ctx.now })
    .where('territory_id', '=', row.territory_id)
    .where('contract_id', '=', row.id)
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .execute();
  const signed = await loadContractRow(ctx.trx, territoryOf(ctx.actor), row.id, true);
  await activateIfDue(ctx, signed);
}

/**
 * The system starts a signed contract once its start date has come (Paris day): it becomes
 * `actif` and its next review is due in the territory's months.
 */
export async function activateIfDue(ctx: UseCaseContext, row: ContractRow): Promise<boolean> {
  const today = parisToday(ctx.now);
  const start = row.start_on ? String(row.start_on).slice(0, 10) : null;
  if (row.status !== 'signe' || (start !== null && start > today)) return false;
  const settings = await settingsOf(ctx.trx, row.territory_id);
  await applyContractTransition(ctx, row, {
    action: 'activate',
    actors: ['system'],
    set: {
      activated_at: row.activated_at ?? ctx.now,
      review_due_on: reviewDueOn(row, settings, today),
    },
  });
  return true;
}
