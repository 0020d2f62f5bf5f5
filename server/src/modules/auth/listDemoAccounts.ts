import type { DemoAccount } from '@spie/contract/auth';
import type { Role } from '@spie/contract/territories';
import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';
import { demoDisabled } from './demoLogin';

/** The demo login page: every active account with its memberships (demo data is fictional). */
export const listDemoAccounts = defineUseCase({
  name: 'auth.listDemoAccounts',
  kind: 'query',
  actors: ['anonymous', 'account', 'member'],
  input: z.object({}),
  authorize: (ctx) => {
    if (!ctx.deps.config.demo) throw demoDisabled();
    return true;
  },
  run: async (ctx): Promise<{ items: DemoAccount[] }> => {
    const rows = await ctx.trx
      .selectFrom('accounts as a')
      .innerJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.id').on('m.ended_at', 'is', null))
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .select(['a.id', 'a.first_name', 'a.last_name', 'a.email', 'o.name as organisation_name', 'm.role'])
      .where('a.active', '=', true)
      .where('o.active', '=', true)
      .orderBy('a.last_name')
      .orderBy('a.first_name')
      .orderBy('a.id')
      .orderBy('o.name')
      .limit(500)
      .execute();
    const byId = new Map<string, DemoAccount>();
    for (const r of rows) {
      const item = byId.get(r.id) ?? {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        memberships: [],
      };
      item.memberships.push({ organisationName: r.organisation_name, role: r.role as Role });
      byId.set(r.id, item);
    }
    return { items: [...byId.values()] };
  },
});
