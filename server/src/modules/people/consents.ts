import type { consentEntry, informationEntry, Section } from '@spie/contract/people';
import { peopleRoutes } from '@spie/contract/people';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { may } from './people.access';
import { maySection, personAccess } from './sectionGuard';

type ConsentEntry = z.infer<typeof consentEntry>;
type InformationEntry = z.infer<typeof informationEntry>;

/**
 * Recording information and consents: référent and co-référents (identity write), and the social
 * workers of the team, who often are the ones the person confides in.
 */
export async function mayRecordConsent(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  const { access, relation } = await personAccess(ctx, personId);
  return (
    may(access, 'identity', 'write') || (ctx.actor.role === 'social_worker' && relation.teamRole !== null)
  );
}

const accountName = sql<string | null>`a.first_name || ' ' || a.last_name`;

export async function consentEntries(
  trx: Transaction<DB>,
  territoryId: string,
  where: { personId?: string; id?: string },
): Promise<ConsentEntry[]> {
  let q = trx
    .selectFrom('person_consents as c')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'c.territory_id').onRef('o.id', '=', 'c.organisation_id'),
    )
    .leftJoin('accounts as a', 'a.id', 'c.recorded_by_account_id')
    .select([
      'c.id',
      'c.section',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.decision',
      'c.recorded_at',
      accountName.as('recorded_by_name'),
      'c.withdrawn_at',
    ])
    .where('c.territory_id', '=', territoryId);
  if (where.personId) q = q.where('c.person_id', '=', where.personId);
  if (where.id) q = q.where('c.id', '=', where.id);
  const rows = await q.orderBy('c.recorded_at', 'desc').orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    section: r.section as Section,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    decision: r.decision as ConsentEntry['decision'],
    recordedAt: r.recorded_at.toISOString(),
    recordedByName: r.recorded_by_name,
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
  }));
}

export async function informationEntries(
  trx: Transaction<DB>,
  territoryId: string,
  where: { personId?: string; id?: string },
): Promise<InformationEntry[]> {
  let q = trx
    .selectFrom('person_information as i')
    .leftJoin('accounts as a', 'a.id', 'i.recorded_by_account_id')
    .select(['i.id', 'i.informed_on', 'i.channel', accountName.as('recorded_by_name'), 'i.recorded_at'])
    .where('i.territory_id', '=', territoryId);
  if (where.personId) q = q.where('i.person_id', '=', where.personId);
  if (where.id) q = q.where('i.id', '=', where.id);
  const rows = await q.orderBy('i.informed_on', 'desc').orderBy('i.recorded_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    informedOn: r.informed_on,
    channel: r.channel as InformationEntry['channel'],
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

/** Whether and how the person was informed, and their consents or objections per section. */
export const listConsents = defineUseCase({
  name: 'people.consents',
  kind: 'query',
  input: peopleRoutes.consents.params,
  authorize: (ctx, input) => maySection(ctx, input.id, 'identity', 'read'),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const result = {
      information: await informationEntries(ctx.trx, t, { personId: input.id }),
      consents: await consentEntries(ctx.trx, t, { personId: input.id }),
    };
    await ctx.audit({
      action: 'people.consents',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'identity',
    });
    return result;
  },
});
