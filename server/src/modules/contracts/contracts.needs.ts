import { type PlanTheme, planThemes } from '@spie/contract/contracts';
import {
  axisLevelLabels,
  constraintFamilies,
  impactLevelLabels,
  professionalAxes,
} from '@spie/contract/diagnostics';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export interface DiagnosticNeeds {
  diagnostic: { id: string; version: number; completedAt: string } | null;
  needs: { theme: PlanTheme; level: string; levelLabel: string }[];
}

interface StoredContent {
  constraints?: Record<string, { impact?: string }>;
  axes?: Record<string, { level?: string }>;
}

/**
 * Needs found by the person's latest completed diagnostic: constraint families with a strong or
 * medium impact, professional axes marked « besoin ». Plan themes order.
 */
export async function latestNeeds(
  trx: Transaction<DB>,
  territoryId: string,
  personId: string,
): Promise<DiagnosticNeeds> {
  const d = await trx
    .selectFrom('diagnostics')
    .select(['id', 'version', 'completed_at', 'content'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'completed')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!d || d.version === null) return { diagnostic: null, needs: [] };
  const content = (d.content ?? {}) as StoredContent;
  const needs: DiagnosticNeeds['needs'] = [];
  for (const theme of planThemes) {
    if ((constraintFamilies as readonly string[]).includes(theme)) {
      const impact = content.constraints?.[theme]?.impact;
      if (impact === 'fort' || impact === 'moyen')
        needs.push({ theme, level: impact, levelLabel: impactLevelLabels[impact] });
    } else if ((professionalAxes as readonly string[]).includes(theme)) {
      if (content.axes?.[theme]?.level === 'besoin')
        needs.push({ theme, level: 'besoin', levelLabel: axisLevelLabels.besoin });
    }
  }
  return {
    diagnostic: {
      id: d.id,
      version: d.version,
      completedAt: new Date(d.completed_at ?? 0).toISOString(),
    },
    needs,
  };
}
