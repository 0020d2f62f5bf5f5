import {
  closedReferralStatuses,
  type publicReferral,
  type ReferralStatus,
  referralsRoutes,
} from '@spie/contract/referrals';
import type { z } from 'zod';

type PublicReferral = z.infer<typeof publicReferral>;

import type { SystemActor } from '../../kernel/actor';
import { conflict } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { parisToday } from '../people';
import { applyReferralTransition, recordAttendanceCore } from './referrals.apply';
import {
  checkLinkValid,
  issueLinkCore,
  LINK_LABEL,
  linkAudit,
  loadLink,
  mayActByLink,
  RENEW_MINUTES,
  type ReferralLinkRow,
} from './referrals.links';
import { loadReferralRow, loadServiceFacts, type ReferralRow, toReferralView } from './referrals.store';
import { checkRevision } from './transitionReferral';

/**
 * The pages of the referral link (an organisation without an account): the token is the key,
 * the use cases run as the system actor `referrals.link` of the link's territory and act as
 * `receiver`; they see only what the referral shares. Every read and write is audited with
 * `via: lien_de_prescription`.
 */
const LINK_ACTING = { accountId: null, label: LINK_LABEL, actors: ['receiver' as const] };

async function validLink(ctx: UseCaseContext<SystemActor>, token: string, forUpdate = false) {
  const link = await loadLink(ctx, token);
  checkLinkValid(link, ctx.now);
  const row = await loadReferralRow(ctx.trx, link.territory_id, link.referral_id, forUpdate);
  return { link, row };
}

async function publicView(
  ctx: UseCaseContext<SystemActor>,
  link: ReferralLinkRow,
  row: ReferralRow,
): Promise<PublicReferral & { linkId: string }> {
  const sender = await ctx.trx
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', (j) =>
      j.on('o.territory_id', '=', row.territory_id).on('o.id', '=', row.sender_organisation_id),
    )
    .select(['a.first_name', 'a.last_name', 'a.email', 'o.name', 'o.phone'])
    .where('a.id', '=', row.sender_account_id)
    .executeTakeFirstOrThrow();
  return {
    referral: await toReferralView(ctx.trx, row, ['receiver'], parisToday(ctx.now)),
    linkExpiresAt: new Date(link.expires_at).toISOString(),
    contactOfSender: {
      name: `${sender.first_name} ${sender.last_name}`,
      organisation: sender.name,
      phone: sender.phone,
      email: sender.email,
    },
    linkId: link.id,
  };
}

const publicAudit = (output: PublicReferral & { linkId: string }, extra: Record<string, unknown> = {}) => ({
  subjectType: 'referral',
  subjectId: output.referral.id,
  personId: output.referral.person.id,
  section: 'journey',
  details: { via: 'lien_de_prescription', linkId: output.linkId, ...extra },
});

/** What the referral shares, for the link holder (an audited read of the person's record). */
export const publicGetReferral = defineUseCase({
  name: 'referrals.publicGet',
  kind: 'query',
  actors: ['system'],
  input: referralsRoutes.publicGet.params,
  authorize: mayActByLink,
  run: async (ctx, input) => {
    const { link, row } = await validLink(ctx, input.token);
    await ctx.audit({ action: 'referrals.publicGet', ...linkAudit(link, row.person_id) });
    return publicView(ctx, link, row);
  },
});

const transitionInput = referralsRoutes.publicTransition.params.extend(
  referralsRoutes.publicTransition.body.shape,
);

/** The link holder answers or moves the referral along, as the receiving organisation. */
export const publicTransitionReferral = defineUseCase({
  name: 'referrals.publicTransition',
  kind: 'command',
  actors: ['system'],
  input: transitionInput,
  authorize: mayActByLink,
  run: async (ctx, input: z.output<typeof transitionInput>) => {
    const { link, row } = await validLink(ctx, input.token, true);
    checkRevision(row, input.revision);
    const updated = await applyReferralTransition(ctx, row, input, LINK_ACTING);
    return publicView(ctx, link, updated);
  },
  auditSubject: (input, output) => publicAudit(output, { action: input.action }),
});

const attendanceInput = referralsRoutes.publicAttendance.params.extend(
  referralsRoutes.publicAttendance.body.shape,
);

/** The link holder records the hours of one week. */
export const publicRecordAttendance = defineUseCase({
  name: 'referrals.publicAttendance',
  kind: 'command',
  actors: ['system'],
  input: attendanceInput,
  authorize: mayActByLink,
  run: async (ctx, input) => {
    const { link, row } = await validLink(ctx, input.token, true);
    const updated = await recordAttendanceCore(ctx, row, input, { ...LINK_ACTING, viaLink: true });
    return publicView(ctx, link, updated);
  },
  auditSubject: (input, output) => publicAudit(output, { week: input.week, hours: input.hours }),
});

/**
 * An expired or replaced link: a new one goes to the same contact address (never one typed by the
 * visitor), at most one per 10 minutes per referral, and not for a closed referral.
 */
export const publicRenewReferralLink = defineUseCase({
  name: 'referrals.publicRenew',
  kind: 'command',
  actors: ['system'],
  input: referralsRoutes.publicRenew.params,
  authorize: mayActByLink,
  run: async (ctx, input): Promise<{ ok: true; referralId: string; personId: string; linkId: string }> => {
    const link = await loadLink(ctx, input.token);
    const row = await loadReferralRow(ctx.trx, link.territory_id, link.referral_id, true);
    if (closedReferralStatuses.includes(row.status as ReferralStatus))
      throw conflict(
        'referral_link.closed',
        'Cette prescription est close : il n’y a plus rien à faire. Pour une question, contactez le professionnel qui l’a envoyée.',
      );
    const latest = await ctx.trx
      .selectFrom('referral_links')
      .select('created_at')
      .where('territory_id', '=', row.territory_id)
      .where('referral_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (ctx.now.getTime() - new Date(latest.created_at).getTime() < RENEW_MINUTES * 60_000)
      throw conflict(
        'referral_link.too_soon',
        `Un lien vient d’être envoyé à l’adresse de votre structure : regardez vos e-mails (et les indésirables). Vous pourrez en demander un autre dans ${RENEW_MINUTES} minutes.`,
      );
    const service = await loadServiceFacts(ctx.trx, row.territory_id, row.service_id);
    const issued = service
      ? await issueLinkCore(
          ctx.trx,
          { now: ctx.now, accountId: null, publicUrl: ctx.deps.config.publicUrl },
          row,
          service,
          'Votre nouveau lien pour répondre à une prescription',
        )
      : null;
    if (!issued)
      throw conflict(
        'referral_link.no_contact',
        'Aucune adresse de contact n’est connue pour cette offre : contactez le professionnel qui a envoyé la prescription.',
      );
    return { ok: true, referralId: row.id, personId: row.person_id, linkId: link.id };
  },
  auditSubject: (_input, output) => ({
    subjectType: 'referral',
    subjectId: output.referralId,
    personId: output.personId,
    section: 'journey',
    details: { via: 'lien_de_prescription', linkId: output.linkId, renewed: true },
  }),
});
