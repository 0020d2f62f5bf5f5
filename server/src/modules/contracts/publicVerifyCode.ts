import { contractsRoutes, type SignatureSummary } from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadContractRow } from './contracts.store';
import { linkAudit, mayActByLink, requireValidLink, type SignatureLinkRow } from './publicSignature';
import {
  hashCode,
  hashTicket,
  MAX_CODE_ATTEMPTS,
  newTicket,
  sameHash,
  TICKET_VALID_MINUTES,
} from './signature.tokens';
import { signatureSummary } from './signatureSummary';

const input = contractsRoutes.publicVerifyCode.params.extend(contractsRoutes.publicVerifyCode.body.shape);

export type VerifyOutcome =
  | { ok: true; ticket: string; summary: SignatureSummary; link: SignatureLinkRow }
  | { ok: false; refusal: DomainError; link: SignatureLinkRow; outcome: string };

const codeField = (code: string, message: string) =>
  new DomainError('validation', code, message, [{ path: 'code', message }]);

/**
 * Checks the one-time code (5 tries per code, then it dies). A wrong try is counted even though
 * the answer is a refusal: the use case returns the refusal, the binding throws it after commit.
 * Success: a 30-minute ticket to sign, and the plain-French summary (audited as a read of the
 * person's record).
 */
export const publicVerifyCode = defineUseCase({
  name: 'contracts.publicVerifyCode',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: mayActByLink,
  run: async (ctx, input): Promise<VerifyOutcome> => {
    const { link, context } = await requireValidLink(ctx, input.token);
    if (!link.code_hash || !link.code_expires_at || new Date(link.code_expires_at) <= ctx.now)
      return {
        ok: false,
        link,
        outcome: 'no_code',
        refusal: codeField(
          'signature.code_expired',
          link.code_hash
            ? 'Ce code a expiré (il marche 10 minutes) : demandez un nouveau code.'
            : 'Aucun code en cours : demandez un code.',
        ),
      };
    if (!sameHash(link.code_hash, hashCode(ctx.deps.crypto, link.id, input.code))) {
      const attempts = link.code_attempts + 1;
      const dead = attempts >= MAX_CODE_ATTEMPTS;
      await ctx.trx
        .updateTable('signature_links')
        .set(
          dead
            ? { code_attempts: attempts, code_hash: null, code_expires_at: null }
            : { code_attempts: attempts },
        )
        .where('territory_id', '=', link.territory_id)
        .where('id', '=', link.id)
        .execute();
      const left = MAX_CODE_ATTEMPTS - attempts;
      return {
        ok: false,
        link,
        outcome: dead ? 'code_locked' : 'code_incorrect',
        refusal: dead
          ? codeField(
              'signature.code_locked',
              `Code incorrect ${MAX_CODE_ATTEMPTS} fois : ce code ne marche plus. Demandez un nouveau code.`,
            )
          : codeField(
              'signature.code_incorrect',
              `Code incorrect. Il vous reste ${left} essai${left > 1 ? 's' : ''}.`,
            ),
      };
    }
    const ticket = newTicket();
    await ctx.trx
      .updateTable('signature_links')
      .set({
        verified_at: ctx.now,
        // The code served: it cannot be used again.
        code_hash: null,
        code_expires_at: null,
        ticket_hash: hashTicket(ticket),
        ticket_expires_at: new Date(ctx.now.getTime() + TICKET_VALID_MINUTES * 60_000),
      })
      .where('territory_id', '=', link.territory_id)
      .where('id', '=', link.id)
      .execute();
    const row = await loadContractRow(ctx.trx, link.territory_id, link.contract_id);
    const summary = await signatureSummary(ctx.trx, row, context, ctx.now);
    // Reading the summary is reading the person's record (journey), by the person themself.
    await ctx.audit({ action: 'contracts.publicSummary', ...linkAudit(link) });
    return { ok: true, ticket, summary, link };
  },
  auditSubject: (_input, output) =>
    linkAudit(output.link, { outcome: output.ok ? 'verified' : output.outcome }),
});
