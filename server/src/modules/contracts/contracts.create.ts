import type { Path } from '@spie/contract/diagnostics';
import type { MemberActor } from '../../kernel/actor';
import { conflict } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import type { ContractRow } from './contracts.store';

type Ctx = UseCaseContext<MemberActor>;

export const alreadyOpen = () =>
  conflict(
    'contract.already_open',
    'Cette personne a déjà un contrat d’engagement en préparation ou en cours : ouvrez-le plutôt que d’en créer un autre.',
  );

/**
 * Inserts a draft engagement contract: it answers the person's current orientation (its path
 * and organisation) when there is one, else it is the caller's organisation's; the référent is
 * the person's current référent unique.
 */
export async function insertDraft(
  ctx: Ctx,
  d: {
    personId: string;
    startOn: string;
    endOn: string;
    weeklyTargetHours: number;
    previousContractId?: string | null;
    commitments?: string[];
    reviewExtensionReason?: string | null;
  },
): Promise<ContractRow> {
  const t = ctx.actor.territoryId;
  const open = await ctx.trx
    .selectFrom('engagement_contracts')
    .select('id')
    .where('territory_id', '=', t)
    .where('person_id', '=', d.personId)
    .where('kind', '=', 'engagement')
    .where('status', 'in', ['brouillon', 'propose', 'signe', 'actif', 'en_revision'])
    .executeTakeFirst();
  if (open) throw alreadyOpen();
  const [orientation, referent] = await Promise.all([
    ctx.trx
      .selectFrom('orientations')
      .select(['id', 'path', 'organisation_id'])
      .where('territory_id', '=', t)
      .where('person_id', '=', d.personId)
      .where('status', 'in', ['notifiee', 'referent_designe'])
      .executeTakeFirst(),
    ctx.trx
      .selectFrom('follow_ups')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('person_id', '=', d.personId)
      .where('role', '=', 'referent')
      .where('status', '=', 'active')
      .executeTakeFirst(),
  ]);
  return ctx.trx
    .insertInto('engagement_contracts')
    .values({
      territory_id: t,
      person_id: d.personId,
      kind: 'engagement',
      status: 'brouillon',
      orientation_id: orientation?.id ?? null,
      path: (orientation?.path as Path | null) ?? null,
      organisation_id: orientation?.organisation_id ?? ctx.actor.organisationId,
      referent_account_id: referent?.account_id ?? null,
      start_on: d.startOn,
      end_on: d.endOn,
      weekly_target_hours: d.weeklyTargetHours,
      organisation_commitments: JSON.stringify(d.commitments ?? []),
      review_extension_reason: d.reviewExtensionReason ?? null,
      previous_contract_id: d.previousContractId ?? null,
      created_by_account_id: ctx.actor.accountId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
