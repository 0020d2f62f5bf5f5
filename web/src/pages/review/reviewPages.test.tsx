import type { SessionInfo } from '@spie/contract/auth';
import type { AlertView } from '@spie/contract/review';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { sessionKey } from '../auth/auth.queries';
import { addDays } from '../contracts/activity/activityFormat';
import { todayIso } from '../people/peopleFormat';
import { AlertRulesPage } from './AlertRulesPage';
import { ContactToCheckAlert } from './ContactToCheckAlert';
import { MyCaseloadPage } from './MyCaseloadPage';
import { PersonAlertsSection } from './PersonAlertsSection';
import { ReviewOverviewPage } from './ReviewOverviewPage';
import { personAlertsKey, reviewKey } from './review.queries';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const personId = uuid(1);
const today = todayIso();
const thomas = { accountId: uuid(2), name: 'Thomas Girard' };

function render(node: React.ReactNode, data: [readonly unknown[], unknown][] = []): string {
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  const router = createMemoryRouter([{ path: '/', element: node }]);
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
    .replace(/\s+/g, ' ');

/** The heading levels in document order: they must never skip a level going down. */
function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
}
function expectHeadingsInOrder(html: string, start: number) {
  let previous = start;
  for (const level of headingLevels(html)) {
    expect(level).toBeLessThanOrEqual(previous + 1);
    previous = level;
  }
}

const alert = (over: Partial<AlertView>): AlertView => ({
  id: uuid(10),
  personId,
  ruleId: 'lost_contact',
  label: 'Perdu·e de vue',
  severity: 'haute',
  status: 'ouverte',
  detail: 'Dernier contact le 3 août 2026 (112 jours).',
  since: '2026-08-03',
  openedAt: '2026-11-01T02:00:00Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  nextStepOn: null,
  snoozedUntil: null,
  snoozeReason: null,
  resolvedAt: null,
  resolution: null,
  ...over,
});

function session(role: 'structure_manager' | 'territory_admin'): SessionInfo {
  return {
    authenticated: true,
    demoMode: false,
    account: { id: thomas.accountId, email: 'n@example.org', firstName: 'Nadia', lastName: 'Haddad' },
    memberships: [],
    activeMembership: {
      id: uuid(3),
      organisationId: uuid(4),
      organisationName: 'ALI Bobigny',
      organisationKind: 'association',
      territoryId: uuid(5),
      territoryName: 'Seine-Saint-Denis',
      role,
      active: true,
    },
    expiresAt: null,
    idleTimeoutMinutes: 30,
  } as SessionInfo;
}

describe('PersonAlertsSection', () => {
  const data = {
    open: [
      alert({ id: uuid(11), ruleId: 'no_contact', label: 'Sans contact', severity: 'moyenne' }),
      alert({
        id: uuid(12),
        status: 'prise_en_compte',
        acknowledgedAt: '2026-11-10T10:00:00Z',
        acknowledgedBy: thomas,
        note: 'Courrier envoyé',
        nextStepOn: addDays(today, 10),
      }),
      alert({
        id: uuid(13),
        ruleId: 'contract_unsigned',
        label: 'Contrat non signé',
        severity: 'moyenne',
        snoozedUntil: addDays(today, 20),
        snoozeReason: 'Hospitalisation',
      }),
    ],
    resolved: [
      alert({
        id: uuid(14),
        ruleId: 'referent_missing',
        label: 'Pas de référent désigné',
        status: 'resolue',
        resolvedAt: '2026-10-01T08:00:00Z',
        resolution: 'condition_levee',
      }),
    ],
    lastReview: {
      reviewedOn: '2026-08-01',
      by: thomas,
      nextStep: 'Atelier CV',
      nextStepOn: '2026-08-20',
    },
    reviewDueOn: addDays(today, -3),
    lastContactAt: '2026-08-03T09:00:00Z',
  };

  it('lists the open alerts, most urgent first, with what the professional can do', () => {
    const html = render(<PersonAlertsSection personId={personId} mayWrite />, [
      [personAlertsKey(personId), data],
    ]);
    const words = text(html);
    expectHeadingsInOrder(html, 3);
    expect(html).toMatch(/<h3[^>]*>Alertes et suivi<\/h3>/);
    expect(words).toContain('Alertes en cours');
    // Urgent first, then the others by label.
    expect(words.indexOf('Urgent : Perdu·e de vue')).toBeLessThan(
      words.indexOf('À traiter : Contrat non signé'),
    );
    expect(words.indexOf('À traiter : Sans contact')).toBeLessThan(
      words.indexOf('À traiter : Contrat non signé'),
    );
    expect(words).toContain('Prise en compte le 10/11/2026 par Thomas Girard : « Courrier envoyé ».');
    expect(words).toContain('Motif du report : « Hospitalisation ».');
    expect(words).toContain('Prendre en compte l’alerte « Sans contact »');
    expect(words).toContain('Reporter l’alerte « Sans contact »');
    expect(words).toContain('Annuler le report de l’alerte « Contrat non signé »');
    expect(words).toContain('Voir l’historique de l’alerte « Perdu·e de vue »');
    // An acknowledged alert is not acknowledged twice.
    expect(words).not.toContain('Prendre en compte l’alerte « Perdu·e de vue »');
    expect(words).toMatch(/Dernier contact avec la personne : il y a \d+ jours \(03\/08\/2026\)\./);
    expect(words).toContain('Noter un contact');
    expect(words).toContain('Dernier point de situation le 01/08/2026 par Thomas Girard.');
    expect(words).toMatch(/Prochain point de situation : en retard depuis le/);
    expect(words).toContain('Faire le point de situation');
    expect(words).toContain('Alertes résolues récemment (1)');
    expect(words).toContain('Résolue : la situation est rétablie (le 01/10/2026)');
  });

  it('only shows the facts to readers who may not write', () => {
    const words = text(
      render(<PersonAlertsSection personId={personId} mayWrite={false} />, [
        [personAlertsKey(personId), data],
      ]),
    );
    expect(words).not.toContain('Prendre en compte');
    expect(words).not.toContain('Noter un contact');
    expect(words).toContain('Voir l’historique');
  });

  it('says when nothing is open', () => {
    const words = text(
      render(<PersonAlertsSection personId={personId} mayWrite />, [
        [
          personAlertsKey(personId),
          { ...data, open: [], resolved: [], lastReview: null, lastContactAt: null },
        ],
      ]),
    );
    expect(words).toContain('Aucune alerte en cours pour cette personne.');
    expect(words).toContain('Aucun contact enregistré avec la personne.');
    expect(words).toContain('Aucun point de situation n’a encore été fait.');
  });
});

describe('ContactToCheckAlert', () => {
  it('asks to check the phone with a link to the identity', () => {
    const html = render(<ContactToCheckAlert personId={personId} contactToCheck={['phone']} mayEdit />);
    expect(text(html)).toContain('Numéro de téléphone à vérifier : un message n’a pas pu être remis.');
    expect(html).toContain(`href="/personnes/${personId}/situation"`);
    expect(text(html)).toContain('Corriger les coordonnées');
  });

  it('shows nothing when the contact data is fine', () => {
    expect(render(<ContactToCheckAlert personId={personId} contactToCheck={[]} mayEdit />)).toBe('');
  });
});

describe('MyCaseloadPage', () => {
  it('shows the totals, the filters with their counts, the table and the CSV link', () => {
    const page = {
      items: [
        {
          personId,
          displayName: 'Marie Dupont',
          commune: 'Bobigny',
          role: 'referent',
          alerts: [
            { ...alert({ ruleId: 'no_contact', label: 'Sans contact', severity: 'moyenne' }) },
            { ...alert({ id: uuid(15) }) },
          ],
          topSeverity: 'haute',
          lastContactAt: '2026-08-03T09:00:00Z',
          reviewDueOn: addDays(today, 30),
        },
      ],
      next: 'abc',
      total: 23,
      countsByRule: [
        { ruleId: 'lost_contact', label: 'Perdu·e de vue', count: 12 },
        { ruleId: 'no_contact', label: 'Sans contact', count: 11 },
      ],
      withAlerts: 23,
      snoozed: 0,
    };
    const html = render(<MyCaseloadPage />, [
      [[...reviewKey, 'caseload', { show: 'alertes' }], { pages: [page], pageParams: [undefined] }],
      [[...reviewKey, 'caseload', 'size'], { ...page, total: 280 }],
    ]);
    const words = text(html);
    expectHeadingsInOrder(html, 1);
    expect(html).toMatch(/<h1[^>]*>Ma file active<\/h1>/);
    expect(words).toContain('23 personnes sur 280 ont une alerte.');
    expect(words).toContain('Perdu·e de vue (12)');
    expect(words).toContain('Type d’alerte');
    expect(words).toContain('Urgence');
    expect(words).toContain('Nom de la personne');
    expect(words).toContain('Avec une alerte');
    expect(html).toContain('href="/api/review/caseload.csv?show=alertes"');
    expect(html).toContain('<caption>Personnes de ma file active, les plus urgentes d’abord</caption>');
    expect(html).toContain(`href="/personnes/${personId}"`);
    expect(words.indexOf('Urgent : Perdu·e de vue')).toBeLessThan(words.indexOf('À traiter : Sans contact'));
    expect(words).toMatch(/il y a \d+ jours \(03\/08\/2026\)/);
    expect(words).toContain('Référent·e unique');
    expect(words).toContain('Voir plus');
  });
});

describe('ReviewOverviewPage', () => {
  it('counts a structure’s alerts by type and by référent, and the points de situation', () => {
    const html = render(<ReviewOverviewPage />, [
      [sessionKey, session('structure_manager')],
      [
        [...reviewKey, 'overview', { scope: 'organisation' }],
        {
          scope: 'organisation',
          organisation: { id: uuid(4), name: 'ALI Bobigny' },
          byRule: [
            { ruleId: 'lost_contact', label: 'Perdu·e de vue', severity: 'haute', count: 7 },
            { ruleId: 'turning_26', label: '26 ans bientôt', severity: 'basse', count: 0 },
          ],
          byGroup: [
            {
              id: thomas.accountId,
              name: 'Thomas Girard',
              people: 40,
              withAlerts: 7,
              counts: { lost_contact: 7 },
            },
          ],
          total: { people: 40, withAlerts: 7, alerts: 7 },
        },
      ],
      [
        [...reviewKey, 'coverage', { scope: 'organisation' }],
        {
          periodDays: 90,
          total: { people: 40, reviewedOnTime: 30, rate: 75 },
          rows: [{ id: thomas.accountId, name: 'Thomas Girard', people: 40, reviewedOnTime: 30, rate: 75 }],
        },
      ],
    ]);
    const words = text(html);
    expectHeadingsInOrder(html, 1);
    expect(html).toMatch(/<h1[^>]*>Alertes de ma structure<\/h1>/);
    expect(words).toContain('40 personnes suivies, dont 7 avec au moins une alerte (7 alertes ouvertes).');
    expect(html).toContain('<caption>Alertes ouvertes par type</caption>');
    expect(html).toContain('<caption>Alertes ouvertes par référent·e — ALI Bobigny</caption>');
    expect(html).toContain('<th scope="col">Perdu·e de vue (urgent)</th>');
    // A rule without open alerts gets no column.
    expect(html).not.toContain('<th scope="col">26 ans bientôt');
    expect(words).toContain('75 % des personnes vues dans les 90 jours');
    expect(html).toContain('href="/campagnes/nouvelle?regles=lost_contact"');
    expect(words).toContain('Préparer une campagne de reprise de contact');
  });
});

describe('AlertRulesPage', () => {
  it('shows each rule with its settings, bounds and the recompute button', () => {
    const html = render(<AlertRulesPage />, [
      [
        [...reviewKey, 'rules'],
        [
          {
            id: 'lost_contact',
            label: 'Perdu·e de vue',
            severity: 'haute',
            condition: 'La personne est suivie et aucun contact depuis plus de N jours.',
            resolution: 'Un contact est enregistré.',
            params: [
              {
                key: 'days',
                label: 'Sans contact depuis plus de',
                unit: 'jours',
                default: 90,
                min: 14,
                max: 730,
                value: 120,
                setting: 'lostContactDays',
              },
            ],
            openCount: 12,
          },
          {
            id: 'orientation_overdue',
            label: 'Orientation en retard',
            severity: 'haute',
            condition: 'L’information RSA a été reçue il y a plus que le délai d’orientation.',
            resolution: 'L’orientation est décidée.',
            params: [],
            openCount: 0,
          },
        ],
      ],
    ]);
    const words = text(html);
    expectHeadingsInOrder(html, 1);
    expect(html).toMatch(/<h1[^>]*>Règles d’alerte<\/h1>/);
    expect(words).toContain('Recalculer toutes les alertes maintenant');
    expect(html).toMatch(/<h2[^>]*>Perdu·e de vue<\/h2>/);
    expect(words).toContain('12 alertes ouvertes en ce moment.');
    expect(words).toContain('Sans contact depuis plus de (en jours)');
    expect(words).toContain('Entre 14 et 730 jours. Valeur nationale : 90 jours.');
    expect(html).toContain('name="params.days"');
    expect(words).toContain('Enregistrer les réglages de « Perdu·e de vue »');
    expect(words).toContain('Cette règle n’a pas de réglage propre');
  });
});
