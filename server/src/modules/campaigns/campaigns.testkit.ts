import type { Campaign } from '@spie/contract/campaigns';
import { campaignsRoutes } from '@spie/contract/campaigns';
import { expect } from 'vitest';
import type { FakeSmsSender } from '../../kernel/messaging';
import { accountIdByLastName } from '../../testing/fixtures';
import { type Answer, TestClient } from '../../testing/httpClient';
import type { TestContext } from '../../testing/testContext';
import { invitationCode } from './campaigns.tokens';

/** Test helpers of the campaign tests. */
export const r = campaignsRoutes;

export const ok = <T>(res: Answer<T>, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

export const fakeSms = (ctx: TestContext) => ctx.deps.senders.sms as FakeSmsSender;

export async function territoryId(ctx: TestContext): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('territories')
    .select('id')
    .where('code', '=', '93')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationIdOf(ctx: TestContext, lastName: string): Promise<string> {
  const row = await ctx.deps.database.db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select('m.organisation_id')
    .where('a.last_name', '=', lastName)
    .executeTakeFirstOrThrow();
  return row.organisation_id;
}

export type Reach = 'sms' | 'email' | 'letter' | 'invalid_sms' | 'none';

export interface PeopleOptions {
  /** Who follows them: an organisation (by a member's last name) and that member as référent. */
  followedBy?: string;
  /** How each person can be reached (cycled). */
  reach?: Reach[];
  rule?: string;
  communeCode?: string;
  snoozedUntil?: string | null;
  firstName?: (i: number) => string;
}

/**
 * `count` fictional people lost from view, inserted in a few multi-row statements: each with an
 * open alert of `rule` (lost_contact by default) and followed by Girard's organisation.
 */
export async function lostPeople(ctx: TestContext, count: number, o: PeopleOptions = {}): Promise<string[]> {
  const db = ctx.deps.database.db;
  const t = await territoryId(ctx);
  const followerId = await accountIdByLastName(ctx, o.followedBy ?? 'Girard');
  const organisationId = await organisationIdOf(ctx, o.followedBy ?? 'Girard');
  const reach = o.reach ?? ['sms'];
  const now = ctx.clock.now();
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const n = Math.min(1000, count - start);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const how = reach[i % reach.length] as Reach;
      return {
        territory_id: t,
        sex: i % 2 ? 'M' : 'F',
        birth_name: `Perdu${String(i).padStart(5, '0')}`,
        first_names: [o.firstName?.(i) ?? (i % 2 ? 'Yanis' : 'Inès')],
        birth_date: '1988-04-12',
        commune_code: o.communeCode ?? '93008',
        postal_code: '93000',
        address_line: how === 'letter' ? `${i + 1} rue de la République` : null,
        phone_mobile:
          how === 'sms'
            ? `06${String(10_000_000 + i).slice(-8)}`
            : how === 'invalid_sms'
              ? '01 48 30 00 00'
              : null,
        email: how === 'email' ? `personne${i}@example.org` : null,
        preferred_channel: how === 'invalid_sms' ? 'sms' : how === 'none' ? null : how,
      };
    });
    const inserted = await db.insertInto('persons').values(rows).returning('id').execute();
    const chunkIds = inserted.map((p) => p.id);
    await db
      .insertInto('follow_ups')
      .values(
        chunkIds.map((personId) => ({
          territory_id: t,
          person_id: personId,
          organisation_id: organisationId,
          account_id: followerId,
          role: 'referent',
          status: 'active',
          started_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('alerts')
      .values(
        chunkIds.map((personId) => ({
          territory_id: t,
          person_id: personId,
          rule_id: o.rule ?? 'lost_contact',
          episode_key: 'test',
          severity: 'haute',
          status: 'ouverte',
          opened_at: now,
          snoozed_until: o.snoozedUntil ?? null,
          updated_at: now,
        })),
      )
      .execute();
    ids.push(...chunkIds);
  }
  return ids;
}

export const MESSAGE =
  'Bonjour {prenom}, {structure} souhaite vous revoir. Choisissez un rendez-vous : {lien}';

export async function launchBody(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  const girard = await accountIdByLastName(ctx, 'Girard');
  return {
    idempotencyKey: `key-${Math.random().toString(36).slice(2, 12)}`,
    name: 'Perdus de vue — automne',
    selection: { ruleIds: ['lost_contact'] },
    message: MESSAGE,
    slots: [
      {
        startsAt: '2026-11-16T09:30',
        capacity: 2,
        professionalAccountId: girard,
        address: '1 place de la Mairie, 93000 Bobigny',
      },
      { startsAt: '2026-11-16T10:30', capacity: 1, professionalAccountId: girard, mode: 'telephone' },
    ],
    ...overrides,
  };
}

export function launch(client: TestClient, body: Record<string, unknown>) {
  return client.call<Campaign>(r.launch, { body });
}

export async function recipientsOf(ctx: TestContext, campaignId: string) {
  return ctx.deps.database.db
    .selectFrom('campaign_recipients')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute();
}

/** The invitation code of a recipient (what their message carries). */
export const codeOf = (ctx: TestContext, recipientId: string) => invitationCode(ctx.deps.crypto, recipientId);

export const anonymousClient = (ctx: TestContext) => new TestClient(ctx.app);

export const DAY = 24 * 3600 * 1000;
