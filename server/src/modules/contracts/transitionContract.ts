import { createHash } from 'node:crypto';
import { type ContractActor, type ContractEndReason, contractsRoutes } from '@spie/contract/contracts';
import { MAX_DOCUMENT_BYTES } from '@spie/contract/people';
import type { z } from 'zod';
import type { MemberActor } from '../../kernel/actor';
import { DomainError, fieldError } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { addDays, decodeBase64, detectDocumentType, documentTypes, parisToday } from '../people';
import { insertDraft } from './contracts.create';
import { checkContractTransition } from './contracts.engine';
import { contractAuditSubject, lockForWrite, mayWriteContractById } from './contracts.guard';
import {
  addMonths,
  applyContractTransition,
  type ContractRow,
  factsOf,
  loadContractRow,
  replaceOpenLinks,
  reviewDueOn,
  settingsOf,
  toContract,
} from './contracts.store';
import { emitContractEvent } from './contracts.timeline';
import { recordSignature } from './recordSignature';

const r = contractsRoutes.transition;
const input = r.params.extend(r.body.shape);
type Input = z.output<typeof input>;
type Ctx = UseCaseContext<MemberActor>;

/**
 * One route for the contract's steps (propose, take back, sign in person, review, renew, end,
 * convert an older contract): the table of the contract says who may do what from which state.
 * Renewing and converting answer with the new draft contract.
 */
export const transitionContract = defineUseCase({
  name: 'contracts.transition',
  kind: 'command',
  input,
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const { row, actors } = await lockForWrite(ctx, input.id);
    const resultId = await runTransition(ctx, row, actors, input);
    return toContract(ctx, await loadContractRow(ctx.trx, row.territory_id, resultId));
  },
  auditSubject: (input, output) =>
    contractAuditSubject(input.id, output.personId, { action: input.action, status: output.status }),
});

const MODE_ACTIONS = ['editPlan', 'followUp', 'recordHours'];

async function runTransition(
  ctx: Ctx,
  row: ContractRow,
  actors: ContractActor[],
  input: Input,
): Promise<string> {
  const fields = input as Record<string, unknown>;
  const base = { action: input.action, actors, fields };
  if (MODE_ACTIONS.includes(input.action)) {
    // Not a step: the plan's own forms do these (the engine still says whether they are possible).
    checkContractTransition({
      from: row.status as never,
      action: input.action,
      facts: factsOf(row),
      actors,
      fields,
    });
    throw new DomainError(
      'validation',
      'contract.not_a_step',
      'Cette action se fait depuis le plan d’action (objectifs, actions, heures), pas ici.',
      [{ path: 'action', message: 'Utilisez le plan d’action.' }],
    );
  }
  switch (input.action) {
    case 'propose': {
      const withActions = await ctx.trx
        .selectFrom('contract_objectives as o')
        .innerJoin('contract_actions as a', (j) =>
          j.onRef('a.territory_id', '=', 'o.territory_id').onRef('a.objective_id', '=', 'o.id'),
        )
        .select('o.id')
        .where('o.territory_id', '=', row.territory_id)
        .where('o.contract_id', '=', row.id)
        .limit(1)
        .executeTakeFirst();
      await applyContractTransition(ctx, row, {
        ...base,
        check: () => {
          if (!withActions)
            throw new DomainError(
              'validation',
              'contract.plan_empty',
              'Le plan d’action est vide : ajoutez au moins un objectif avec une action avant de proposer le contrat.',
              [{ path: 'objectives', message: 'Ajoutez au moins un objectif avec une action.' }],
            );
        },
      });
      return row.id;
    }
    case 'withdraw':
      await applyContractTransition(ctx, row, base);
      await replaceOpenLinks(ctx, row);
      return row.id;
    case 'sign':
      await signInPerson(ctx, row, actors, input);
      return row.id;
    case 'activate':
      await applyContractTransition(ctx, row, base);
      return row.id;
    case 'startReview':
      await applyContractTransition(ctx, row, { ...base, facts: { reason: input.reason ?? null } });
      return row.id;
    case 'closeReview': {
      const settings = await settingsOf(ctx.trx, row.territory_id);
      await applyContractTransition(ctx, row, {
        ...base,
        set: { review_due_on: reviewDueOn(row, settings, parisToday(ctx.now)) },
        payload: { note: input.note },
      });
      return row.id;
    }
    case 'end':
      await applyContractTransition(ctx, row, {
        ...base,
        set: {
          end_reason: input.endReason ?? null,
          end_note: input.note ?? input.reason ?? null,
          ended_at: ctx.now,
        },
        facts: { endReason: input.endReason ?? null },
        payload: { endReason: input.endReason },
      });
      await replaceOpenLinks(ctx, row);
      return row.id;
    case 'renew':
      return renew(ctx, row, actors, input);
    case 'convert':
      return convert(ctx, row, actors, input);
  }
  throw new Error(`unhandled contract action ${input.action}`);
}

/** The scan of the paper signature: PDF, JPEG or PNG read from the content, ≤ 10 MB. */
async function storeScan(ctx: Ctx, row: ContractRow, scan: NonNullable<Input['scan']>): Promise<string> {
  const bytes = decodeBase64(scan.contentBase64);
  if (!bytes)
    throw fieldError('contract.scan_invalid', 'scan.contentBase64', 'Le fichier envoyé est illisible.');
  if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES)
    throw fieldError(
      'contract.scan_too_large',
      'scan.contentBase64',
      'Le fichier est vide ou dépasse 10 Mo.',
    );
  // Read from the content, like any document of the record: PDF, JPEG or PNG only.
  const type = await detectDocumentType(bytes);
  if (!type)
    throw fieldError(
      'contract.scan_type',
      'scan.contentBase64',
      'Type de fichier non accepté : déposez un PDF, une image JPEG ou PNG.',
    );
  const { id } = await ctx.trx
    .insertInto('documents')
    .values({
      territory_id: row.territory_id,
      person_id: row.person_id,
      category: 'contract',
      section: 'documents',
      filename: `contrat-signe-${parisToday(ctx.now)}.${documentTypes[type]}`,
      content_type: type,
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      retention_until: null,
      uploaded_by_account_id: ctx.actor.accountId,
      organisation_id: ctx.actor.organisationId,
      uploaded_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function signInPerson(ctx: Ctx, row: ContractRow, actors: ContractActor[], input: Input) {
  // Who and what first: nothing is stored for a signature the table refuses.
  checkContractTransition({
    from: row.status as never,
    action: 'sign',
    facts: factsOf(row),
    actors,
    fields: input as Record<string, unknown>,
  });
  const today = parisToday(ctx.now);
  if (input.signedOn && input.signedOn > today)
    throw fieldError(
      'contract.signed_in_future',
      'signedOn',
      'La date de signature ne peut pas être dans le futur.',
    );
  if (input.signedOn && input.signedOn < addDays(today, -60))
    throw fieldError(
      'contract.signed_too_old',
      'signedOn',
      'La date de signature date de plus de 60 jours : vérifiez-la.',
    );
  const scanDocumentId = input.scan ? await storeScan(ctx, row, input.scan) : null;
  const signedAt =
    !input.signedOn || input.signedOn === today ? ctx.now : new Date(`${input.signedOn}T12:00:00Z`);
  await recordSignature(ctx, row, {
    mode: input.signatureMode as 'papier' | 'ecran',
    channel: null,
    ip: null,
    recordedByAccountId: ctx.actor.accountId,
    signedAt,
    scanDocumentId,
  });
}

const monthsBetween = (from: string | null, to: string | null) => {
  if (!from || !to) return 12;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return Math.min(24, Math.max(1, (ty - fy) * 12 + (tm - fm)));
};

/**
 * Renewing: the reviewed contract ends as « renouvelé » and a new draft takes over the
 * objectives still running with their actions still planned or running, for the same length.
 */
async function renew(ctx: Ctx, row: ContractRow, actors: ContractActor[], input: Input) {
  await applyContractTransition(ctx, row, {
    action: 'renew',
    actors,
    fields: input as Record<string, unknown>,
    set: { ended_at: ctx.now, end_note: input.reason ?? null },
    facts: { reason: input.reason ?? null },
  });
  await replaceOpenLinks(ctx, row);
  const today = parisToday(ctx.now);
  const next = await insertDraft(ctx, {
    personId: row.person_id,
    startOn: today,
    endOn: addMonths(today, monthsBetween(row.start_on, row.end_on)),
    weeklyTargetHours: Number(row.weekly_target_hours),
    previousContractId: row.id,
    commitments: (row.organisation_commitments as string[] | null) ?? [],
    reviewExtensionReason: row.review_extension_reason,
  });
  await linkNext(ctx, row, next.id);
  const objectives = await ctx.trx
    .selectFrom('contract_objectives')
    .selectAll()
    .where('territory_id', '=', row.territory_id)
    .where('contract_id', '=', row.id)
    .where('status', '=', 'en_cours')
    .orderBy('position')
    .execute();
  const actions = objectives.length
    ? await ctx.trx
        .selectFrom('contract_actions')
        .selectAll()
        .where('territory_id', '=', row.territory_id)
        .where('contract_id', '=', row.id)
        .where('status', 'in', ['prevue', 'en_cours'])
        .orderBy('position')
        .execute()
    : [];
  for (const o of objectives) {
    const copy = await ctx.trx
      .insertInto('contract_objectives')
      .values({
        territory_id: row.territory_id,
        contract_id: next.id,
        person_id: row.person_id,
        position: o.position,
        code: o.code,
        label: o.label,
        theme: o.theme,
        need: o.need === null ? null : JSON.stringify(o.need),
        status: 'en_cours',
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = actions.filter((a) => a.objective_id === o.id);
    if (mine.length > 0)
      await ctx.trx
        .insertInto('contract_actions')
        .values(
          mine.map((a) => ({
            territory_id: row.territory_id,
            contract_id: next.id,
            objective_id: copy.id,
            person_id: row.person_id,
            position: a.position,
            code: a.code,
            label: a.label,
            responsible_organisation_id: a.responsible_organisation_id,
            planned_start: [a.planned_start, today].sort()[1] as string,
            planned_end: a.planned_end && a.planned_end < today ? null : a.planned_end,
            planned_weekly_hours: a.planned_weekly_hours,
            status: a.status,
            service_id: a.service_id,
            referral_id: a.referral_id,
            created_at: ctx.now,
            updated_at: ctx.now,
          })),
        )
        .execute();
  }
  emitContractEvent(ctx, 'ContractCreated', row.person_id, next.id, {
    startOn: next.start_on,
    endOn: next.end_on,
  });
  return next.id;
}

async function linkNext(ctx: Ctx, row: ContractRow, nextId: string) {
  await ctx.trx
    .updateTable('engagement_contracts')
    .set({ next_contract_id: nextId })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
}

/** An older contract still running becomes history (« converti ») and an engagement draft replaces it. */
async function convert(ctx: Ctx, row: ContractRow, actors: ContractActor[], input: Input) {
  const endReason: ContractEndReason = 'conversion';
  await applyContractTransition(ctx, row, {
    action: 'convert',
    actors,
    fields: input as Record<string, unknown>,
    set: { end_reason: endReason, ended_at: ctx.now },
    facts: { kind: row.kind as never },
  });
  const settings = await settingsOf(ctx.trx, row.territory_id);
  const today = parisToday(ctx.now);
  const next = await insertDraft(ctx, {
    personId: row.person_id,
    startOn: today,
    endOn: addMonths(today, 12),
    weeklyTargetHours: settings.weeklyActivityHours,
    previousContractId: row.id,
  });
  await linkNext(ctx, row, next.id);
  emitContractEvent(ctx, 'ContractCreated', row.person_id, next.id, {
    startOn: next.start_on,
    endOn: next.end_on,
  });
  return next.id;
}
