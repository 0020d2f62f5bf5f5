import { type Territory, territorySettings } from '@spie/contract/territories';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';

export async function loadTerritory(db: Db, territoryId: string): Promise<Territory> {
  const row = await db.selectFrom('territories').selectAll().where('id', '=', territoryId).executeTakeFirst();
  if (!row) throw notFound('territory.not_found', 'Territoire introuvable.');
  // Stored settings are merged over the current defaults, so a new setting gets its default.
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    settings: territorySettings.parse(row.settings ?? {}),
    version: row.version,
  };
}

export const getTerritory = defineUseCase({
  name: 'territories.getTerritory',
  kind: 'query',
  input: z.object({}),
  authorize: () => true,
  run: (ctx) => loadTerritory(ctx.trx, ctx.actor.territoryId),
});
