import { alertRules, effectiveRuleParams, type reviewRoutes } from '@spie/contract/review';
import type { TerritorySettings } from '@spie/contract/territories';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { defineUseCase } from '../../kernel/useCase';
import { loadTerritory } from '../territories';

type RuleView = z.infer<(typeof reviewRoutes.rules.response)['element']>;

/** The rules with the territory's values of their parameters and their open alerts (counts only). */
export async function ruleViews(
  db: Db,
  territoryId: string,
  settings?: TerritorySettings,
): Promise<RuleView[]> {
  const s = settings ?? (await loadTerritory(db, territoryId)).settings;
  const counts = await db
    .selectFrom('alerts')
    .select(['rule_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('territory_id', '=', territoryId)
    .where('status', '<>', 'resolue')
    .groupBy('rule_id')
    .execute();
  const open = new Map(counts.map((c) => [c.rule_id, Number(c.n)]));
  return alertRules.map((rule) => {
    const values = effectiveRuleParams(rule, s);
    return {
      id: rule.id,
      label: rule.label,
      severity: rule.severity,
      condition: rule.condition,
      resolution: rule.resolution,
      params: rule.params.map((p) => ({
        key: p.key,
        label: p.label,
        unit: p.unit,
        default: p.default,
        min: p.min,
        max: p.max,
        value: values[p.key] ?? p.default,
        setting: p.setting ?? null,
      })),
      openCount: open.get(rule.id) ?? 0,
    };
  });
}

/**
 * The alert rules of the territory: what opens and closes each one, its parameters and how many
 * alerts are open. Any member may read them (the same rules apply to everyone's worklist); only
 * territory admins change them.
 */
export const listRules = defineUseCase({
  name: 'review.rules',
  kind: 'query',
  input: z.object({}),
  authorize: () => true,
  run: (ctx) => ruleViews(ctx.trx, ctx.actor.territoryId),
});
