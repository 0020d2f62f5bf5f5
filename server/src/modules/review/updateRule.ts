import { fieldErrorsFromZod } from '@spie/contract';
import {
  type AlertRuleId,
  alertRuleById,
  effectiveRuleParams,
  reviewRoutes,
  ruleParamsSchema,
} from '@spie/contract/review';
import { type TerritorySettings, territorySettings } from '@spie/contract/territories';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { isTerritoryAdmin } from '../territories';
import { ruleViews } from './listRules';

const r = reviewRoutes.updateRule;

const invalidParam = (fields: { path: string; message: string }[]) =>
  new DomainError('validation', 'review.invalid_param', fields[0]?.message ?? 'Paramètre invalide.', fields);

/**
 * A territory admin sets a rule's parameters (all or some of them), each within its bounds.
 * A parameter tied to a general setting (« sans contact », « perdu·e de vue », point de
 * situation) writes that setting; the others go to `alertRuleParams`. Both in the territory's
 * settings row. The new values apply from the next evaluation (nightly pass, or « réévaluer »).
 */
export const updateRule = defineUseCase({
  name: 'review.updateRule',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const rule = alertRuleById[input.ruleId];
    const parsed = ruleParamsSchema(rule).partial().safeParse(input.params);
    if (!parsed.success)
      throw invalidParam(
        fieldErrorsFromZod(parsed.error).map((f) => ({
          path: `params.${f.path}`.replace(/\.$/, ''),
          message: f.message,
        })),
      );
    const values = parsed.data as Record<string, number | undefined>;
    const row = await ctx.trx
      .selectFrom('territories')
      .select(['settings', 'version'])
      .where('id', '=', t)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const current = territorySettings.parse(row.settings ?? {});
    const next: TerritorySettings = { ...current, alertRuleParams: { ...current.alertRuleParams } };
    const overrides: Record<string, number> = { ...(next.alertRuleParams[rule.id] ?? {}) };
    const changed: string[] = [];
    for (const p of rule.params) {
      const value = values[p.key];
      if (value === undefined) continue;
      changed.push(p.key);
      if (p.setting) (next as Record<string, unknown>)[p.setting] = value;
      else overrides[p.key] = value;
    }
    if (Object.keys(overrides).length > 0) next.alertRuleParams[rule.id] = overrides;
    checkConsistency(rule.id, next);
    await ctx.trx
      .updateTable('territories')
      .set({
        settings: JSON.stringify(territorySettings.parse(next)),
        version: row.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', t)
      .execute();
    ctx.emit({
      type: 'TerritorySettingsUpdated',
      territoryId: t,
      payload: { changed: changed.map((k) => `alertRule.${rule.id}.${k}`) },
    });
    const views = await ruleViews(ctx.trx, t, next);
    return views.find((v) => v.id === rule.id) ?? (views[0] as (typeof views)[number]);
  },
  auditSubject: (input) => ({
    subjectType: 'alert_rule',
    subjectId: null,
    details: { ruleId: input.ruleId, params: input.params },
  }),
});

/** Thresholds that only make sense in order: « sans contact » before « perdu·e de vue »; checkpoints in time order. */
function checkConsistency(ruleId: AlertRuleId, settings: TerritorySettings): void {
  if (ruleId === 'no_contact' || ruleId === 'lost_contact') checkContactThresholds(settings);
  if (ruleId === 'employment_checkpoint') checkCheckpoints(settings);
}

function checkContactThresholds(settings: TerritorySettings): void {
  const noContact = effectiveRuleParams(alertRuleById.no_contact, settings).days ?? 0;
  const lost = effectiveRuleParams(alertRuleById.lost_contact, settings).days ?? 0;
  if (noContact >= lost)
    throw invalidParam([
      {
        path: 'params.days',
        message: `Le seuil « sans contact » (${noContact} jours) doit rester plus court que le seuil « perdu·e de vue » (${lost} jours).`,
      },
    ]);
}

function checkCheckpoints(settings: TerritorySettings): void {
  const cp = effectiveRuleParams(alertRuleById.employment_checkpoint, settings);
  if (!((cp.firstMonths ?? 0) < (cp.secondMonths ?? 0) && (cp.secondMonths ?? 0) < (cp.thirdMonths ?? 0)))
    throw invalidParam([
      {
        path: 'params.secondMonths',
        message:
          'Les points de suivi dans l’emploi doivent se suivre : le premier, puis le deuxième, puis le troisième.',
      },
    ]);
}
