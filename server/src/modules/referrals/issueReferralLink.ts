import { referralsRoutes } from '@spie/contract/referrals';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireNotMerged } from '../people';
import { referralAccess } from './referrals.access';
import { issueLinkCore } from './referrals.links';
import { loadReferralRow, loadServiceFacts } from './referrals.store';

const input = referralsRoutes.issueLink.params.extend(referralsRoutes.issueLink.body.shape);

/**
 * Sends (or sends again) the answer link to the service's referral contact: the sender or a
 * référent of the person, or the receiving organisation. The previous link stops working.
 */
export const issueReferralLink = defineUseCase({
  name: 'referrals.issueLink',
  kind: 'command',
  input,
  authorize: async (ctx, input) => (await referralAccess(ctx, input.id)).actors.length > 0,
  run: async (ctx, input): Promise<{ expiresAt: string; sentTo: string; personId: string }> => {
    const row = await loadReferralRow(ctx.trx, ctx.actor.territoryId, input.id, true);
    await requireNotMerged(ctx, row.person_id);
    const service = await loadServiceFacts(ctx.trx, row.territory_id, row.service_id);
    const issued = service
      ? await issueLinkCore(
          ctx.trx,
          { now: ctx.now, accountId: ctx.actor.accountId, publicUrl: ctx.deps.config.publicUrl },
          row,
          service,
        )
      : null;
    if (!issued)
      throw new DomainError(
        'conflict',
        'referral_link.no_contact',
        'Cette offre n’a pas d’adresse e-mail de contact : demandez au gestionnaire de l’offre de la compléter, ou contactez la structure par téléphone.',
      );
    return { expiresAt: issued.expiresAt.toISOString(), sentTo: issued.sentTo, personId: row.person_id };
  },
  auditSubject: (input, output) => ({
    subjectType: 'referral',
    subjectId: input.id,
    personId: output.personId,
    section: 'journey',
  }),
});
