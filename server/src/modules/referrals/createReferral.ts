import { type ReferralStatus, type ReferralView, referralsRoutes } from '@spie/contract/referrals';
import { DomainError, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { placesOf } from '../catalogue';
import { actorLabel, frenchDate, parisToday, personEvent, requireNotMerged } from '../people';
import { loadTerritory } from '../territories';
import { mayRefer } from './referrals.access';
import { issueLinkCore } from './referrals.links';
import { notifyReceivingMembers } from './referrals.notify';
import { addHistory, loadServiceFacts, toReferralView } from './referrals.store';

const input = referralsRoutes.create.params.extend(referralsRoutes.create.body.shape);

const refuse = (code: string, message: string, path = 'serviceId') =>
  new DomainError('conflict', code, message, [{ path, message }]);

/**
 * A team member refers the person to a service (or one of its sessions), with the person's
 * consent to share the listed information. Refused with the reason when the service is suspended,
 * not open to referrals, the session closed, or it is full (without waiting list, or without
 * asking for it). The receiving organisation is the service's owner, notified at once; a service
 * without owner in SPIE gets a link by e-mail.
 */
export const createReferral = defineUseCase({
  name: 'referrals.create',
  kind: 'command',
  input,
  authorize: (ctx, input) => mayRefer(ctx, input.id),
  run: async (ctx, input): Promise<ReferralView & { linkSent: boolean }> => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const today = parisToday(ctx.now);
    const service = await loadServiceFacts(ctx.trx, t, input.serviceId);
    if (!service)
      throw notFound(
        'referral.service_not_found',
        'Cette offre est introuvable : elle a peut-être été retirée.',
      );
    if (service.status === 'suspendu') {
      const until = service.suspended_until
        ? ` jusqu’au ${frenchDate(String(service.suspended_until).slice(0, 10))}`
        : '';
      const why = service.status_reason ? ` (${service.status_reason})` : '';
      throw refuse(
        'referral.service_suspended',
        `Cette offre est suspendue${until}${why} : elle ne reçoit pas de prescription pour le moment. Choisissez une autre offre ou réessayez après cette date.`,
      );
    }
    if (service.status !== 'publie' || !service.accepts_referrals)
      throw refuse(
        'referral.service_closed',
        'Cette offre ne reçoit pas de prescription par SPIE : contactez directement la structure.',
      );
    const places = (await placesOf(ctx.trx, t, [service.id], today)).get(service.id);
    let figures: { free: number | null; waitingList: boolean } = {
      free: places?.free ?? null,
      waitingList: service.waiting_list_enabled,
    };
    if (input.sessionId) {
      const session = places?.sessions.find((s) => s.sessionId === input.sessionId);
      if (!session)
        throw notFound('referral.session_not_found', 'Cette session est introuvable pour cette offre.');
      if (
        session.status === 'annulee' ||
        session.status === 'terminee' ||
        (session.endDate && session.endDate < today)
      )
        throw refuse(
          'referral.session_closed',
          `La session du ${frenchDate(session.startDate)} est ${session.status === 'annulee' ? 'annulée' : 'terminée'} : choisissez une autre session.`,
          'sessionId',
        );
      figures = {
        free: session.free,
        waitingList: session.waitingListEnabled && service.waiting_list_enabled,
      };
    }
    let status: ReferralStatus = 'envoyee';
    if (figures.free === 0) {
      if (!figures.waitingList)
        throw refuse(
          'referral.full',
          `${input.sessionId ? 'Cette session' : 'Cette offre'} est complète et n’a pas de liste d’attente : choisissez une autre ${input.sessionId ? 'session' : 'offre'}.`,
        );
      if (!input.joinWaitingList)
        throw refuse(
          'referral.full_waiting_list',
          `${input.sessionId ? 'Cette session' : 'Cette offre'} est complète. La personne peut être inscrite sur la liste d’attente : cochez « Inscrire en liste d’attente » et envoyez à nouveau.`,
          'joinWaitingList',
        );
      status = 'en_liste_d_attente';
    }
    const documentIds = [...new Set(input.documentIds)];
    if (documentIds.length > 0) {
      if (!input.shared.includes('documents'))
        throw new DomainError(
          'validation',
          'referral.documents_not_shared',
          'Des documents sont joints : cochez « Documents joints » dans ce que la personne accepte de partager.',
          [{ path: 'shared', message: 'Cochez « Documents joints ».' }],
        );
      const docs = await ctx.trx
        .selectFrom('documents')
        .select('id')
        .where('territory_id', '=', t)
        .where('person_id', '=', input.id)
        .where('id', 'in', documentIds)
        .where('deleted_at', 'is', null)
        .execute();
      if (docs.length !== documentIds.length)
        throw new DomainError(
          'validation',
          'referral.document_unknown',
          'Un des documents joints n’est pas dans le dossier de la personne.',
          [{ path: 'documentIds', message: 'Choisissez des documents du dossier de la personne.' }],
        );
    }
    const { settings } = await loadTerritory(ctx.trx, t);
    const row = await ctx.trx
      .insertInto('referrals')
      .values({
        territory_id: t,
        person_id: input.id,
        service_id: service.id,
        session_id: input.sessionId,
        sender_account_id: ctx.actor.accountId,
        sender_organisation_id: ctx.actor.organisationId,
        receiving_organisation_id: service.owner_organisation_id,
        status,
        reason: input.reason,
        needs: JSON.stringify(input.needs),
        shared: [...new Set(input.shared)],
        document_ids: documentIds,
        consent_at: ctx.now,
        waitlisted_at: status === 'en_liste_d_attente' ? ctx.now : null,
        expires_at: new Date(ctx.now.getTime() + settings.referralExpiryDays * 86_400_000),
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const label = await actorLabel(ctx);
    await addHistory(ctx.trx, row, {
      at: ctx.now,
      action: 'create',
      from: null,
      to: status,
      accountId: ctx.actor.accountId,
      label,
    });
    ctx.emit(
      personEvent(
        ctx,
        'ReferralCreated',
        input.id,
        {
          section: 'journey',
          summary: `Prescription envoyée : ${service.nom} (${service.structure_nom})${status === 'en_liste_d_attente' ? ', en liste d’attente' : ''}`,
          link: `/prescriptions/${row.id}`,
        },
        { referralId: row.id, serviceId: service.id, status },
      ),
    );
    let linkSent = false;
    if (row.receiving_organisation_id) {
      await notifyReceivingMembers(
        ctx.trx,
        { territoryId: t, byAccountId: ctx.actor.accountId, now: ctx.now },
        row,
        'Nouvelle prescription reçue',
        [
          `Une personne est orientée vers votre offre « ${service.nom} »${status === 'en_liste_d_attente' ? ' (en liste d’attente)' : ''}.`,
          'Répondez-lui dans SPIE : accepter, refuser ou mettre en liste d’attente.',
        ],
      );
    } else {
      linkSent =
        (await issueLinkCore(
          ctx.trx,
          { now: ctx.now, accountId: ctx.actor.accountId, publicUrl: ctx.deps.config.publicUrl },
          row,
          service,
        )) !== null;
    }
    const view = await toReferralView(ctx.trx, row, ['sender'], today);
    return { ...view, linkSent };
  },
  auditSubject: (input, output) => ({
    subjectType: 'referral',
    subjectId: output.id,
    personId: input.id,
    section: 'journey',
    details: { serviceId: input.serviceId, status: output.status, linkSent: output.linkSent },
  }),
});
