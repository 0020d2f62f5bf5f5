import { contractsRoutes } from '@spie/contract/contracts';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadContractRow } from './contracts.store';
import { linkAudit, linkRefusal, mayActByLink, requireValidLink } from './publicSignature';
import { recordSignature } from './recordSignature';
import { hashTicket, sameHash } from './signature.tokens';

const input = contractsRoutes.publicSign.params
  .extend(contractsRoutes.publicSign.body.shape)
  // The request's address, added by the binding (recorded with the signature).
  .extend({ ip: z.string().max(100).nullable() });

/**
 * The person signs: the link is still valid and the ticket (from the code check) too. The
 * signature is recorded by `recordSignature` (mode `lien`, the link's channel, the IP), the link
 * is used; nothing is recorded otherwise.
 */
export const publicSign = defineUseCase({
  name: 'contracts.publicSign',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: mayActByLink,
  run: async (ctx, input) => {
    const { link, context } = await requireValidLink(ctx, input.token);
    const ticketOk =
      link.ticket_expires_at !== null &&
      new Date(link.ticket_expires_at) > ctx.now &&
      sameHash(link.ticket_hash, hashTicket(input.ticket));
    if (!ticketOk)
      throw new DomainError(
        'conflict',
        'signature.ticket_invalid',
        'Votre vérification n’est plus valable (elle dure 30 minutes). Demandez un nouveau code pour signer.',
      );
    const row = await loadContractRow(ctx.trx, link.territory_id, link.contract_id, true);
    if (row.status !== 'propose') throw linkRefusal('remplace', context);
    await recordSignature(ctx, row, {
      mode: 'lien',
      channel: link.channel as 'sms' | 'email',
      ip: input.ip,
      recordedByAccountId: null,
      signedAt: ctx.now,
      scanDocumentId: null,
    });
    await ctx.trx
      .updateTable('signature_links')
      .set({ used_at: ctx.now, replaced_at: null, ticket_hash: null, ticket_expires_at: null })
      .where('territory_id', '=', link.territory_id)
      .where('id', '=', link.id)
      .execute();
    return { signedAt: ctx.now.toISOString(), organisationName: context.organisationName, link };
  },
  auditSubject: (_input, output) => linkAudit(output.link, { signed: true }),
});
