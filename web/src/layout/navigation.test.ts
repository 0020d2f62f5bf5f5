import { describe, expect, it } from 'vitest';
import { navigationEntries, toNavigationItems } from './navigation';

const texts = (role: Parameters<typeof navigationEntries>[0]) =>
  navigationEntries(role, false).map((entry) => entry.text);

describe('navigationEntries', () => {
  it('gives the accompanying roles their caseload and their agenda', () => {
    for (const role of ['professional', 'social_worker', 'structure_manager'] as const) {
      expect(texts(role)).toContain('Ma file active');
      expect(texts(role)).toContain('Agenda');
    }
    expect(texts('territory_admin')).not.toContain('Ma file active');
  });

  it('gives the alerts to managers and the territory, campaigns to those who may launch one', () => {
    expect(texts('structure_manager')).toEqual(expect.arrayContaining(['Alertes', 'Campagnes']));
    expect(texts('territory_admin')).toEqual(
      expect.arrayContaining(['Alertes', 'Campagnes', 'Règles d’alerte']),
    );
    expect(texts('steering_viewer')).toContain('Alertes');
    expect(texts('steering_viewer')).not.toContain('Campagnes');
    expect(texts('professional')).not.toContain('Alertes');
    expect(texts('structure_manager')).not.toContain('Règles d’alerte');
  });

  it('marks the most specific entry active', () => {
    const items = toNavigationItems(navigationEntries('territory_admin', false), '/campagnes/nouvelle');
    expect(items.filter((item) => item.isActive).map((item) => item.text)).toEqual(['Campagnes']);
  });
});
