import type { ReferralActor } from '@spie/contract/referrals';
import type { Role } from '@spie/contract/territories';
import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, personAccess } from '../people';
import { loadReferralRow, type ReferralRow } from './referrals.store';

/**
 * Who may do what on a referral (decided rules of issue 7):
 * - create: an active member of the person's team with an accompanying role;
 * - read: the person's team (journey readers) and the members of the receiving organisation
 *   (who see only what the referral shares);
 * - `sender` actions: the professional who referred, or the person's référent / co-référent;
 * - `receiver` actions: members of the receiving organisation (or the holder of a valid link).
 * Steering viewers never act on, nor read, a referral.
 */
export const ACCOMPANYING_ROLES: readonly Role[] = ['professional', 'social_worker', 'structure_manager'];

export interface ReferralAccess {
  row: ReferralRow;
  read: boolean;
  /** Reads the journey of the person (team, structure manager of a following organisation). */
  teamReader: boolean;
  actors: ReferralActor[];
}

export async function referralAccessFor(
  ctx: UseCaseContext<MemberActor>,
  row: ReferralRow,
): Promise<ReferralAccess> {
  if (ctx.actor.role === 'steering_viewer') return { row, read: false, teamReader: false, actors: [] };
  const { access, relation } = await personAccess(ctx, row.person_id);
  const teamReader = may(access, 'journey', 'read');
  const actors: ReferralActor[] = [];
  const lead = relation.teamRole === 'referent' || relation.teamRole === 'co_referent';
  if (row.sender_account_id === ctx.actor.accountId || lead) actors.push('sender');
  const receiverMember =
    row.receiving_organisation_id !== null && row.receiving_organisation_id === ctx.actor.organisationId;
  if (receiverMember) actors.push('receiver');
  return { row, read: teamReader || receiverMember || actors.includes('sender'), teamReader, actors };
}

const loaded = new WeakMap<object, Map<string, Promise<ReferralAccess>>>();

/** The caller's access to one referral, loaded once per use case run (404 outside the territory). */
export function referralAccess(ctx: UseCaseContext<MemberActor>, id: string): Promise<ReferralAccess> {
  let byId = loaded.get(ctx);
  if (!byId) {
    byId = new Map();
    loaded.set(ctx, byId);
  }
  let access = byId.get(id);
  if (!access) {
    access = loadReferralRow(ctx.trx, ctx.actor.territoryId, id).then((row) => referralAccessFor(ctx, row));
    byId.set(id, access);
  }
  return access;
}

/** May the caller refer this person (active team member with an accompanying role)? */
export async function mayRefer(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  if (!ACCOMPANYING_ROLES.includes(ctx.actor.role)) return false;
  const { relation, access } = await personAccess(ctx, personId);
  return relation.teamRole !== null && may(access, 'journey', 'write');
}
