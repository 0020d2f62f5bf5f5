import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actionPlanContent, planThemes } from '@spie/contract/contracts';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../db/referenceData';

describe('national list of objectives and actions (action_plan.json)', () => {
  it('has at least 60 objectives and 120 actions, unique codes, and every theme has both', () => {
    const list = actionPlanContent.parse(
      JSON.parse(readFileSync(path.join(dataDir, 'referentials', 'action_plan.json'), 'utf8')),
    );
    expect(list.objectives.length).toBeGreaterThanOrEqual(60);
    expect(list.actions.length).toBeGreaterThanOrEqual(120);
    const codes = [...list.objectives, ...list.actions].map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const theme of planThemes) {
      expect(list.objectives.filter((o) => o.theme === theme).length, theme).toBeGreaterThanOrEqual(3);
      expect(list.actions.filter((a) => a.themes.includes(theme)).length, theme).toBeGreaterThanOrEqual(3);
    }
    const labels = list.actions.map((a) => a.label);
    for (const expected of [
      'Atelier CV',
      'Demande de logement social',
      'Immersion en entreprise (PMSMP)',
      'Inscription à un cours de français',
      'Passer le permis B',
    ])
      expect(labels).toContain(expected);
  });
});
