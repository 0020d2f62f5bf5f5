import { updateSettingsBody } from '@spie/contract/territories';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadTerritory } from './getTerritory';
import { isTerritoryAdmin } from './territories.rules';

export const updateSettings = defineUseCase({
  name: 'territories.updateSettings',
  kind: 'command',
  input: updateSettingsBody,
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const current = await loadTerritory(ctx.trx, ctx.actor.territoryId);
    // Alert rule parameters have their own page (review.updateRule): this form keeps them as they are.
    const settings = { ...input.settings, alertRuleParams: current.settings.alertRuleParams ?? {} };
    const updated = await ctx.trx
      .updateTable('territories')
      .set({ settings: JSON.stringify(settings), version: input.version + 1, updated_at: ctx.now })
      .where('id', '=', ctx.actor.territoryId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw staleVersion('territory', current);
    const changed = Object.keys(settings).filter(
      (k) =>
        JSON.stringify(settings[k as keyof typeof settings]) !==
        JSON.stringify(current.settings[k as keyof typeof current.settings]),
    );
    ctx.emit({ type: 'TerritorySettingsUpdated', territoryId: ctx.actor.territoryId, payload: { changed } });
    return loadTerritory(ctx.trx, ctx.actor.territoryId);
  },
  auditSubject: (_input, output) => ({ subjectType: 'territory', subjectId: output.id }),
});
