import { idParams } from '@spie/contract';
import type { Professional, Role } from '@spie/contract/territories';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { organisationNotFound } from './getOrganisation';

/** Roles of those who accompany people (the ones a team can include). */
const ACCOMPANYING: Role[] = ['professional', 'social_worker', 'structure_manager'];

/**
 * The staff of an organisation, to invite one of them into a person's team. Professionals of a
 * `sensitive` organisation (health, justice) are never revealed to other organisations.
 */
export const listProfessionals = defineUseCase({
  name: 'territories.listProfessionals',
  kind: 'query',
  input: idParams,
  authorize: (ctx) => ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input): Promise<{ items: Professional[] }> => {
    const org = await ctx.trx
      .selectFrom('organisations')
      .select(['id', 'sensitive', 'active'])
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!org?.active) throw organisationNotFound();
    if (org.sensitive && org.id !== ctx.actor.organisationId) {
      throw new DomainError(
        'forbidden',
        'organisation.staff_hidden',
        'Les professionnels de cette structure ne sont pas affichés : c’est une structure de santé ou de justice.',
      );
    }
    const rows = await ctx.trx
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.id', 'a.first_name', 'a.last_name', 'a.email', 'a.phone', 'm.role'])
      .where('m.territory_id', '=', ctx.actor.territoryId)
      .where('m.organisation_id', '=', input.id)
      .where('m.ended_at', 'is', null)
      .where('m.role', 'in', ACCOMPANYING)
      .where('a.active', '=', true)
      .orderBy('a.last_name')
      .orderBy('a.first_name')
      .orderBy('a.id')
      .limit(1000)
      .execute();
    const byId = new Map<string, Professional>();
    for (const r of rows) {
      const item = byId.get(r.id) ?? {
        accountId: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        workEmail: r.email,
        workPhone: r.phone,
        roles: [],
      };
      item.roles.push(r.role as Role);
      byId.set(r.id, item);
    }
    return { items: [...byId.values()] };
  },
});
