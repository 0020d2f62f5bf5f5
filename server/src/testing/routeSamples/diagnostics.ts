import { diagnosticsRoutes as r } from '@spie/contract/diagnostics';
import { loginAs } from '../fixtures';
import { createPersonFixture } from '../peopleFixtures';
import type { TestContext } from '../testContext';
import type { RouteSampleSet } from './types';

/**
 * A person followed by Girard (référent, ALI Bobigny) with a validated diagnostic (version 1)
 * and a draft in progress, built through the routes themselves.
 */
async function prepare(ctx: TestContext): Promise<Record<string, string>> {
  const diagnosticPersonId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
    birthName: 'Diagnostiquée',
    firstNames: ['Awa'],
    birthDate: '1988-02-11',
  });
  const girard = await loginAs(ctx, 'Girard');
  const params = { id: diagnosticPersonId };
  const steps = [
    await girard.call(r.startDraft, { params, body: { from: 'empty' } }),
    await girard.call(r.completeDraft, { params, body: { revision: 1, field: 'employment' } }),
    await girard.call(r.startDraft, { params, body: { from: 'latest' } }),
  ];
  const failed = steps.find((s) => s.status >= 300);
  if (failed) throw new Error(`diagnostic samples: ${failed.status} ${JSON.stringify(failed.body)}`);
  return { diagnosticPersonId };
}

/** Diagnostic routes (draft, versions, co-signature), ROME search and reference lists. */
export const diagnosticsSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'diagnostics.romeSearch': 'national ROME job titles: public reference data, nothing of the territory',
    'diagnostics.referential':
      "the territory's reference lists (situations, thematiques, CAF codes) frame every member's diagnostic and offers",
  },
  prepare,
  inputs: (ids) => {
    const params = { id: ids.diagnosticPersonId ?? '' };
    return {
      'diagnostics.overview': { params },
      'diagnostics.version': { params: { ...params, version: '1' } },
      'diagnostics.startDraft': { params, body: { from: 'empty' } },
      'diagnostics.saveDraft': { params, body: { content: {}, revision: 1 } },
      'diagnostics.discardDraft': { params },
      'diagnostics.completeDraft': { params, body: { revision: 1, field: 'social' } },
      'diagnostics.confirmVersion': { params: { ...params, version: '1' }, body: { field: 'social' } },
      'diagnostics.romeSearch': { query: { q: 'boulanger' } },
      'diagnostics.referential': { params: { kind: 'constraint_situations' } },
      'diagnostics.updateReferential': {
        params: { kind: 'thematique_mapping' },
        body: {
          content: {
            constraints: Object.fromEntries(
              [
                'sante',
                'logement',
                'mobilite',
                'famille',
                'finances',
                'numerique',
                'administratif',
                'francais',
              ].map((f) => [f, ['numerique--maitriser-les-fondamentaux-du-numerique']]),
            ),
            axes: Object.fromEntries(
              [
                'choisir_un_metier',
                'se_former',
                'preparer_sa_candidature',
                'trouver_un_emploi',
                'creer_une_entreprise',
                'international',
              ].map((a) => [a, ['se-former--trouver-sa-formation']]),
            ),
          },
          expectedVersion: 0,
        },
      },
    };
  },
};
