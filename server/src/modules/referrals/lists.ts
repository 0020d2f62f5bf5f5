import { referralsRoutes } from '@spie/contract/referrals';
import { defineUseCase } from '../../kernel/useCase';
import { may, personAccess } from '../people';
import { mayRefer } from './referrals.access';
import { referralPage } from './referrals.queries';

/**
 * Lists of referrals. Each returns people's names, so each is an audited read (like the caseload):
 * the person's referrals for their team; those received by the caller's organisation for its
 * members; those sent by the caller (by their organisation, for a structure manager).
 */
export const referralsOfPerson = defineUseCase({
  name: 'referrals.ofPerson',
  kind: 'query',
  input: referralsRoutes.ofPerson.params,
  authorize: async (ctx, input) => may((await personAccess(ctx, input.id)).access, 'journey', 'read'),
  run: async (ctx, input) => {
    const page = await referralPage(
      ctx.trx,
      ctx.actor.territoryId,
      { person_id: input.id },
      { limit: 200, now: ctx.now },
    );
    await ctx.audit({
      action: 'referrals.ofPerson',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
      details: { results: page.items.length },
    });
    return { items: page.items, canRefer: await mayRefer(ctx, input.id) };
  },
});

export const receivedReferrals = defineUseCase({
  name: 'referrals.received',
  kind: 'query',
  input: referralsRoutes.received.query,
  authorize: (ctx) => ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input) => {
    const org = ctx.actor.organisationId;
    const page = await referralPage(
      ctx.trx,
      ctx.actor.territoryId,
      { receiving_organisation_id: org },
      { ...input, now: ctx.now },
    );
    await ctx.audit({
      action: 'referrals.received',
      details: { results: page.items.length, status: input.status ?? null },
    });
    return page;
  },
});

export const sentReferrals = defineUseCase({
  name: 'referrals.sent',
  kind: 'query',
  input: referralsRoutes.sent.query,
  authorize: (ctx) => ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input) => {
    const { accountId, organisationId, role } = ctx.actor;
    const page = await referralPage(
      ctx.trx,
      ctx.actor.territoryId,
      role === 'structure_manager'
        ? { sender_organisation_id: organisationId }
        : { sender_account_id: accountId, sender_organisation_id: organisationId },
      { ...input, now: ctx.now },
    );
    await ctx.audit({
      action: 'referrals.sent',
      details: { results: page.items.length, status: input.status ?? null },
    });
    return page;
  },
});
