import type { SearchResult, ServiceCard, ServiceView } from '@spie/contract/catalogue';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CatalogueSearchPage } from './CatalogueSearchPage';
import { catalogueKey } from './catalogue.queries';
import { emptyFilters, searchQueryOf } from './catalogueFormat';
import { ServicePage } from './ServicePage';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SERVICE_ID = 'spie-93--permis-solidaire';

function render(path: string, url: string, element: React.ReactNode, data: [readonly unknown[], unknown][]) {
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  const router = createMemoryRouter([{ path, element }], { initialEntries: [url] });
  return renderToString(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function service(over: Partial<ServiceView> = {}): ServiceView {
  return {
    di: {
      id: SERVICE_ID,
      source: 'spie-93',
      structure_id: 'spie-93--auto-ecole',
      nom: 'Permis de conduire solidaire',
      description: 'Préparer le code et la conduite à prix réduit, avec un moniteur qui prend le temps.',
      date_maj: '2026-11-01',
      type: 'accompagnement',
      thematiques: ['mobilite--preparer-un-permis'],
      publics: ['tous-publics'],
      publics_precisions: null,
      conditions_acces: 'Avoir 18 ans.',
      frais: 'payant',
      frais_precisions: '50 € pour tout le parcours.',
      modes_accueil: ['en-presentiel'],
      zone_eligibilite: ['93'],
      modes_mobilisation: ['envoyer-un-courriel'],
      mobilisable_par: ['professionnels'],
      mobilisation_precisions: null,
      lien_mobilisation: null,
      lien_source: null,
      contact_nom_prenom: null,
      telephone: '01 48 00 00 00',
      courriel: null,
      horaires_accueil: null,
      volume_horaire_hebdomadaire: 6,
      nombre_semaines: 12,
      adresse: '1 rue de la République',
      complement_adresse: null,
      commune: 'Bobigny',
      code_postal: '93000',
      code_insee: '93008',
      latitude: null,
      longitude: null,
    },
    spie: {
      capacity: 12,
      waitingListEnabled: true,
      acceptsReferrals: true,
      referralContact: { name: null, email: null, phone: null },
    },
    structure: { id: 'spie-93--auto-ecole', nom: 'Auto-école solidaire de Bobigny', adresse: null },
    owner: null,
    status: 'publie',
    suspendedUntil: null,
    quality: {
      score: 0.8,
      criteria: [
        { id: 'contact', label: 'Contact', score: 0, advice: 'Ajoutez un téléphone ou un courriel.' },
      ],
    },
    stale: false,
    places: { capacity: 12, occupied: 8, waiting: 0, free: 4 },
    nextSessions: [
      {
        id: uuid(1),
        serviceId: SERVICE_ID,
        label: null,
        startDate: '2026-12-07',
        endDate: '2027-02-26',
        places: 6,
        mode: 'sur_place',
        schedule: 'Mardi et jeudi',
        address: null,
        status: 'ouverte',
        waitingListEnabled: true,
        occupied: 2,
        waiting: 0,
        free: 4,
        revision: 1,
      },
    ],
    canManage: false,
    referralBlockedReason: null,
    revision: 3,
    ...over,
  };
}

const renderService = (url: string, view: ServiceView) =>
  render('/offres/services/:id', url, <ServicePage />, [[[...catalogueKey, 'service', SERVICE_ID], view]]);

describe('ServicePage', () => {
  it('shows what, for whom, where, places and sessions, and « Prescrire » for the person', () => {
    const html = renderService(`/offres/services/${SERVICE_ID}?personne=${uuid(9)}`, service());
    const t = text(html);
    expect(t).toContain('Permis de conduire solidaire');
    expect(t).toContain('4 places libres');
    expect(t).toContain('Du 7 décembre 2026 au 26 février 2027');
    expect(t).toContain('50 € pour tout le parcours.');
    expect(html).toContain(
      `href="/personnes/${uuid(9)}/prescriptions/nouvelle?service=${encodeURIComponent(SERVICE_ID)}"`,
    );
    // Quality advice is for the managers only.
    expect(t).not.toContain('Ajoutez un téléphone ou un courriel.');
  });

  it('explains how to prescribe without a person, shows the blocked reason and the manager’s advice', () => {
    const html = renderService(
      `/offres/services/${SERVICE_ID}`,
      service({
        canManage: true,
        referralBlockedReason: 'Le service est suspendu jusqu’au 15 décembre 2026.',
      }),
    );
    const t = text(html);
    expect(t).not.toContain('Prescrire cette offre');
    expect(t).toContain('ouvrez le dossier de la personne');
    expect(t).toContain('Le service est suspendu jusqu’au 15 décembre 2026.');
    expect(t).toContain('Ajoutez un téléphone ou un courriel.');
    expect(t).toContain('Modifier cette offre');
  });
});

describe('CatalogueSearchPage', () => {
  it('lists the offers near the commune with the count, then the remote offers', () => {
    const card = (over: Partial<ServiceCard>): ServiceCard => ({
      id: SERVICE_ID,
      nom: 'Permis de conduire solidaire',
      structureNom: 'Auto-école solidaire de Bobigny',
      type: 'accompagnement',
      thematiques: [],
      commune: 'Bobigny',
      distanceKm: 3.24,
      modesAccueil: ['en-presentiel'],
      frais: 'payant',
      status: 'publie',
      qualityScore: 0.8,
      freePlaces: 0,
      waiting: 2,
      nextSessionStart: '2026-12-07',
      ...over,
    });
    const result: SearchResult = {
      commune: { code: '93008', name: 'Bobigny' },
      nearby: [card({})],
      next: null,
      remote: [card({ id: 'spie-93--code-en-ligne', nom: 'Code de la route en ligne', distanceKm: null })],
      total: 27,
      totalCapped: false,
    };
    const filters = {
      ...emptyFilters,
      q: 'mobilité',
      communeCode: '93008',
      communeName: 'Bobigny',
      radiusKm: 10,
    };
    const html = render(
      '/offres',
      '/offres?q=mobilit%C3%A9&commune=93008&communeNom=Bobigny&rayon=10',
      <CatalogueSearchPage />,
      [[[...catalogueKey, 'search', searchQueryOf(filters)], { pages: [result], pageParams: [undefined] }]],
    );
    const t = text(html);
    expect(t).toContain('27 offres à moins de 10 km de Bobigny');
    expect(t).toContain('Bobigny, à 3,2 km');
    expect(t).toContain('Complet — liste d’attente (2 personnes)');
    expect(t).toContain('Prochaine session : 7 décembre 2026');
    expect(t).toMatch(/Offres à distance.*Code de la route en ligne/);
    expect(html).toContain('value="mobilité"');
  });
});
