import type { CampaignSelection } from '@spie/contract/campaigns';
import type { Selectable } from 'kysely';
import type { Campaigns } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { DomainError, forbidden, notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';

export type CampaignRow = Selectable<Campaigns>;
type Ctx = UseCaseContext<MemberActor>;

/**
 * Campaigns are run by structure managers (for the people their organisation follows) and
 * territory admins (for the territory, or one organisation's people). Professionals do not
 * launch mass mailings; they see the answers in their people's timelines.
 */
export const mayRunCampaigns = (actor: MemberActor) =>
  actor.role === 'structure_manager' || actor.role === 'territory_admin';

export const campaignNotFound = () =>
  notFound('campaigns.not_found', 'Campagne introuvable, ou elle ne concerne pas votre structure.');

/** A campaign the actor may see: their territory's, and their organisation's for a structure manager. */
export async function loadCampaign(ctx: Ctx, id: string, forUpdate = false): Promise<CampaignRow> {
  let q = ctx.trx
    .selectFrom('campaigns')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', id)
    .$if(ctx.actor.role !== 'territory_admin', (qb) =>
      qb.where('organisation_id', '=', ctx.actor.organisationId),
    );
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw campaignNotFound();
  return row;
}

/** For `authorize` of the routes about one campaign: the role, then the campaign (404 if out of scope). */
export async function mayHandleCampaign(ctx: Ctx, id: string): Promise<boolean> {
  if (!mayRunCampaigns(ctx.actor)) return false;
  await loadCampaign(ctx, id);
  return true;
}

export interface CampaignOrganisation {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/**
 * The organisation that runs the campaign (its name signs the messages, its professionals hold
 * the slots) and whose people are targeted: a structure manager's own; for a territory admin,
 * the one chosen (its people only) or their own (the whole territory).
 */
export async function campaignOrganisation(
  ctx: Ctx,
  selection: Pick<CampaignSelection, 'organisationId'>,
): Promise<{ organisation: CampaignOrganisation; peopleOf: string | null }> {
  const actor = ctx.actor;
  let organisationId = actor.organisationId;
  let peopleOf: string | null = actor.organisationId;
  if (actor.role === 'territory_admin') {
    organisationId = selection.organisationId ?? actor.organisationId;
    peopleOf = selection.organisationId ?? null;
  } else if (selection.organisationId && selection.organisationId !== actor.organisationId) {
    throw forbidden(
      'campaigns.other_organisation',
      'Vous ne pouvez viser que les personnes suivies par votre structure.',
    );
  }
  const organisation = await organisationContact(ctx, organisationId, actor.territoryId);
  if (!organisation) {
    throw new DomainError('not_found', 'campaigns.organisation_not_found', 'Structure introuvable.', [
      { path: 'selection.organisationId', message: 'Structure introuvable sur ce territoire.' },
    ]);
  }
  return { organisation, peopleOf };
}

export async function organisationContact(
  ctx: Pick<UseCaseContext, 'trx'>,
  organisationId: string,
  territoryId?: string,
): Promise<CampaignOrganisation | null> {
  const row = await ctx.trx
    .selectFrom('organisations as o')
    .leftJoin('communes as c', 'c.code', 'o.commune_code')
    .select([
      'o.id',
      'o.name',
      'o.phone',
      'o.email',
      'o.address_line',
      'o.postal_code',
      'c.name as commune_name',
    ])
    .$if(territoryId !== undefined, (q) => q.where('o.territory_id', '=', territoryId as string))
    .where('o.id', '=', organisationId)
    .where('o.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const town = [row.postal_code, row.commune_name].filter(Boolean).join(' ');
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address_line ? [row.address_line, town].filter(Boolean).join(', ') : null,
  };
}
