import { contractsRoutes } from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { queueNotification } from '../notifications';
import { linkAudit, mayActByLink, requireValidLink, whoToAsk } from './publicSignature';
import { CODE_VALID_MINUTES, hashCode, MAX_CODES_PER_LINK, masked, newCode } from './signature.tokens';

const input = contractsRoutes.publicSendCode.params.extend(contractsRoutes.publicSendCode.body.shape);

/**
 * Sends a 6-digit one-time code to the person's phone or e-mail (kept as an HMAC, valid
 * 10 minutes; a new code replaces the previous one; 5 codes at most per link).
 */
export const publicSendCode = defineUseCase({
  name: 'contracts.publicSendCode',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: mayActByLink,
  run: async (ctx, input) => {
    const { link, context } = await requireValidLink(ctx, input.token);
    const target = context.channels.find((c) => c.channel === input.channel);
    if (!target) {
      const message =
        input.channel === 'sms'
          ? 'Aucun téléphone portable n’est connu pour vous : choisissez l’e-mail.'
          : 'Aucune adresse e-mail n’est connue pour vous : choisissez le SMS.';
      throw new DomainError('validation', 'signature.channel_unavailable', message, [
        { path: 'channel', message },
      ]);
    }
    if (link.codes_sent >= MAX_CODES_PER_LINK)
      throw new DomainError(
        'rate_limited',
        'signature.too_many_codes',
        `Vous avez déjà demandé ${MAX_CODES_PER_LINK} codes pour ce lien : c’est le maximum. Demandez un nouveau lien à ${whoToAsk(context)}.`,
      );
    const code = newCode();
    await ctx.trx
      .updateTable('signature_links')
      .set({
        code_hash: hashCode(ctx.deps.crypto, link.id, code),
        code_channel: target.channel,
        code_expires_at: new Date(ctx.now.getTime() + CODE_VALID_MINUTES * 60_000),
        code_attempts: 0,
        codes_sent: link.codes_sent + 1,
      })
      .where('territory_id', '=', link.territory_id)
      .where('id', '=', link.id)
      .execute();
    await queueNotification(
      ctx.trx,
      {
        territoryId: link.territory_id,
        channel: target.channel,
        recipient: target.recipient,
        personId: link.person_id,
        // The link's sender sees it in the demo inbox.
        createdByAccountId: link.sent_by_account_id,
        subject: 'Votre code pour signer votre contrat',
        body: `Votre code pour signer votre contrat d’engagement : ${code}. Il marche ${CODE_VALID_MINUTES} minutes. Ne le donnez à personne.`,
      },
      ctx.now,
    );
    return { sentTo: masked(target.channel, target.recipient), validMinutes: CODE_VALID_MINUTES, link };
  },
  auditSubject: (input, output) =>
    linkAudit(output.link, { codeChannel: input.channel, codesSent: output.link.codes_sent + 1 }),
});
