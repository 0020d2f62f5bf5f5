import { type ContractStatus, contractStatusLabels, contractsRoutes } from '@spie/contract/contracts';
import { sql } from 'kysely';
import { appendAuditBatch } from '../../kernel/audit';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { chooseChannel, issueLinksCore, type LinkToIssue, linkTargets, toIssue } from './issueLink';

export const SKIP_REASONS = {
  notReferent: 'Vous n’êtes ni référent·e ni co-référent·e de cette personne.',
  merged: 'Dossier fusionné dans un autre : travaillez sur le dossier conservé.',
  noContact: 'Ni téléphone portable ni e-mail dans le dossier : faites signer en rendez-vous.',
  notProposed: (status: string) =>
    `Contrat « ${contractStatusLabels[status as ContractStatus] ?? status} » : proposez-le d’abord à la personne.`,
} as const;

/**
 * Signature links for up to 1,000 proposed contracts in one transaction: each contract is
 * checked on its own (the caller is the person's référent or co-référent, the contract is
 * proposed, the person can be reached) and skipped with a French reason otherwise; the others
 * get their link in a fixed number of statements (batched inserts, one audit batch).
 */
export const issueLinks = defineUseCase({
  name: 'contracts.issueLinks',
  kind: 'command',
  input: contractsRoutes.issueLinks.body,
  authorize: (ctx) => ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const ids = [...new Set(input.contractIds)];
    const targets = await linkTargets(ctx, ids);
    const byId = new Map(targets.map((r) => [r.id, r]));
    // The caller's own team roles for these people (their follow-ups, or their organisation's).
    const personIds = [...new Set(targets.map((r) => r.person_id))];
    const writable = new Set(
      personIds.length === 0
        ? []
        : (
            await ctx.trx
              .selectFrom('follow_ups')
              .select('person_id')
              .where('territory_id', '=', t)
              .where(sql<boolean>`person_id = any(${personIds}::uuid[])`)
              .where('organisation_id', '=', ctx.actor.organisationId)
              .where('status', '=', 'active')
              .where('role', 'in', ['referent', 'co_referent'])
              .where((w) => w.or([w('account_id', '=', ctx.actor.accountId), w('account_id', 'is', null)]))
              .execute()
          ).map((r) => r.person_id),
    );
    // An id unknown in the caller's territory refuses the whole request: the answer never
    // repeats ids that are not the caller's to see.
    if (ids.some((id) => byId.get(id)?.kind !== 'engagement'))
      throw notFound(
        'contract.not_found',
        'Un des contrats choisis est introuvable : rechargez la liste et recommencez.',
      );
    const skipped: { contractId: string; reason: string }[] = [];
    const toSend: LinkToIssue[] = [];
    for (const id of ids) {
      const target = byId.get(id);
      if (!target) continue;
      if (!writable.has(target.person_id)) {
        skipped.push({ contractId: id, reason: SKIP_REASONS.notReferent });
        continue;
      }
      if (target.merged_into_id) {
        skipped.push({ contractId: id, reason: SKIP_REASONS.merged });
        continue;
      }
      if (target.status !== 'propose') {
        skipped.push({ contractId: id, reason: SKIP_REASONS.notProposed(target.status) });
        continue;
      }
      const chosen = chooseChannel(target);
      if ('refusal' in chosen) {
        skipped.push({ contractId: id, reason: SKIP_REASONS.noContact });
        continue;
      }
      toSend.push(toIssue(target, chosen));
    }
    // Lock the contracts sent for, so a concurrent change of status waits for this transaction.
    if (toSend.length > 0) {
      const sendIds = toSend.map((l) => l.contractId);
      const locked = await ctx.trx
        .selectFrom('engagement_contracts')
        .select(['id', 'status'])
        .where('territory_id', '=', t)
        .where(sql<boolean>`id = any(${sendIds}::uuid[])`)
        .forUpdate()
        .execute();
      const stillProposed = new Set(locked.filter((r) => r.status === 'propose').map((r) => r.id));
      for (let i = toSend.length - 1; i >= 0; i--) {
        const l = toSend[i] as LinkToIssue;
        if (!stillProposed.has(l.contractId)) {
          const status = locked.find((r) => r.id === l.contractId)?.status ?? 'brouillon';
          skipped.push({ contractId: l.contractId, reason: SKIP_REASONS.notProposed(status) });
          toSend.splice(i, 1);
        }
      }
    }
    const { links } = await issueLinksCore(ctx, toSend);
    await appendAuditBatch(
      ctx.trx,
      ctx.actor,
      links.map((l) => ({
        action: 'contracts.issueLink',
        subjectType: 'contract',
        subjectId: l.contractId,
        personId: l.personId,
        section: 'journey',
        details: { bulk: true, linkId: l.id, channel: l.channel },
      })),
      { at: ctx.now, requestId: ctx.requestId },
    );
    return { issued: links.length, skipped };
  },
  auditSubject: (input, output) => ({
    details: { requested: input.contractIds.length, issued: output.issued, skipped: output.skipped.length },
  }),
});
