import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import { runDailyJob } from '../../kernel/dailyJob';
import type { Deps } from '../../kernel/deps';
import { defineUseCase, execute } from '../../kernel/useCase';
import { loadTerritory } from '../territories';
import { applyReferralTransition } from './referrals.apply';
import { issueLinkCore } from './referrals.links';
import { notifyReceivingMembers } from './referrals.notify';
import { loadServiceFacts } from './referrals.store';

/**
 * Daily jobs of referrals, per territory and in batches (each batch its own transaction):
 * - reminder: `envoyee` for `referralReminderDays` without answer and never reminded → one notice
 *   to the receiving organisation's members, or a fresh link by e-mail; `reminder_sent_at` set;
 * - expiry: `envoyee` past `expires_at` → system transition `expire` (history, timeline, the
 *   sender and référents notified).
 * Both are idempotent: a reminded or expired referral no longer matches.
 */
export const JOB_ACTOR = 'referrals.jobs';
const BATCH = 200;
const DAY = 86_400_000;
const batchInput = z.object({ limit: z.number().int().min(1).max(1000).default(BATCH) });

export const remindReferrals = defineUseCase({
  name: 'referrals.remind',
  kind: 'command',
  actors: ['system'],
  input: batchInput,
  authorize: (ctx) => ctx.actor.name === JOB_ACTOR && ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const { settings } = await loadTerritory(ctx.trx, t);
    const rows = await ctx.trx
      .selectFrom('referrals')
      .selectAll()
      .where('territory_id', '=', t)
      .where('status', '=', 'envoyee')
      .where('reminder_sent_at', 'is', null)
      .where('created_at', '<=', new Date(ctx.now.getTime() - settings.referralReminderDays * DAY))
      .orderBy('created_at')
      .limit(input.limit)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const service = await loadServiceFacts(ctx.trx, t, row.service_id);
      const by = { territoryId: t, byAccountId: null, now: ctx.now };
      if (row.receiving_organisation_id)
        await notifyReceivingMembers(ctx.trx, by, row, 'Relance : une prescription attend votre réponse', [
          `Une personne orientée vers votre offre « ${service?.nom ?? ''} » attend votre réponse depuis ${settings.referralReminderDays} jours.`,
          'Sans réponse, la prescription expirera : répondez dans SPIE (accepter, refuser ou mettre en liste d’attente).',
        ]);
      else if (service)
        await issueLinkCore(
          ctx.trx,
          { now: ctx.now, accountId: null, publicUrl: ctx.deps.config.publicUrl },
          row,
          service,
          'Relance : une prescription attend votre réponse',
        );
      await ctx.trx
        .updateTable('referrals')
        .set({ reminder_sent_at: ctx.now })
        .where('territory_id', '=', t)
        .where('id', '=', row.id)
        .execute();
    }
    return { count: rows.length };
  },
  auditSubject: (_input, output) => ({ details: { reminded: output.count } }),
});

export const expireReferrals = defineUseCase({
  name: 'referrals.expire',
  kind: 'command',
  actors: ['system'],
  input: batchInput,
  authorize: (ctx) => ctx.actor.name === JOB_ACTOR && ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const rows = await ctx.trx
      .selectFrom('referrals')
      .selectAll()
      .where('territory_id', '=', t)
      .where('status', '=', 'envoyee')
      .where('expires_at', '<=', ctx.now)
      .orderBy('expires_at')
      .limit(input.limit)
      .forUpdate()
      .execute();
    for (const row of rows)
      await applyReferralTransition(
        ctx,
        row,
        { action: 'expire', reason: null, note: null, date: null, outcome: null },
        { accountId: null, label: 'SPIE (sans réponse dans le délai)', actors: ['system'] },
      );
    return { count: rows.length };
  },
  auditSubject: (_input, output) => ({ details: { expired: output.count } }),
});

/** Runs a batch use case over every territory until nothing is left. */
export async function runReferralBatches(
  deps: Deps,
  useCase: typeof remindReferrals | typeof expireReferrals,
): Promise<number> {
  const territories = await deps.database.db.selectFrom('territories').select('id').execute();
  let total = 0;
  for (const { id } of territories) {
    for (;;) {
      const { count } = await execute(deps, useCase, { limit: BATCH }, systemActor(JOB_ACTOR, id));
      total += count;
      if (count < BATCH) break;
    }
  }
  return total;
}

export function referralJobList(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [
    {
      name: 'referrals.remind',
      run: () =>
        runDailyJob(deps.database.db, deps.clock, 'referrals.remind', async () => ({
          reminded: await runReferralBatches(deps, remindReferrals),
        })),
    },
    {
      name: 'referrals.expire',
      run: () =>
        runDailyJob(deps.database.db, deps.clock, 'referrals.expire', async () => ({
          expired: await runReferralBatches(deps, expireReferrals),
        })),
    },
  ];
}
