import type { Contract, WeekDetail } from '@spie/contract/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SignatureLinkPanel } from '../SignatureLinkPanel';
import { weeklyActivityKey } from './activity.queries';
import { addDays, mondayOf, parisDay } from './activityFormat';
import { WeeklyActivitySection } from './WeeklyActivitySection';

const personId = '00000000-0000-4000-8000-000000000010';
const contractId = '00000000-0000-4000-8000-000000000020';
const actionId = '00000000-0000-4000-8000-000000000030';
const claire = { accountId: '00000000-0000-4000-8000-000000000040', name: 'Claire Martin' };
const monday = mondayOf(parisDay());

const contract: Contract = {
  id: contractId,
  personId,
  kind: 'engagement',
  status: 'actif',
  version: 1,
  organisation: { id: '00000000-0000-4000-8000-000000000050', name: 'CCAS de Lille' },
  organisationName: null,
  startOn: addDays(monday, -70),
  endOn: addDays(monday, 300),
  signedAt: '2026-09-01T10:00:00Z',
  endReason: null,
  endNote: null,
  previousContractId: null,
  nextContractId: null,
  createdAt: '2026-09-01T09:00:00Z',
  orientationId: null,
  path: null,
  referent: claire,
  weeklyTargetHours: 15,
  organisationCommitments: [],
  nextAppointment: null,
  reviewExtensionReason: null,
  note: null,
  deadlines: {
    signatureDeadline: null,
    signatureOverdue: false,
    reviewDueOn: null,
    reviewOverdue: false,
    endOn: null,
  },
  planChanged: false,
  objectives: [],
  adjustments: [
    {
      id: '00000000-0000-4000-8000-000000000060',
      kind: 'dispense',
      ground: 'parent_isole_sans_garde',
      justification: null,
      hours: 0,
      startOn: addDays(monday, -14),
      endOn: addDays(monday, 60),
      recordedBy: claire,
      recordedAt: '2026-09-01T09:00:00Z',
    },
  ],
  versions: [],
  pendingLink: null,
  revision: 1,
  allowedActions: ['recordHours'],
  canRecordHours: true,
};

const week: WeekDetail = {
  contractId,
  weekStart: monday,
  targetHours: 0,
  actions: [
    {
      actionId,
      label: 'Atelier CV',
      objectiveLabel: 'Préparer sa recherche d’emploi',
      responsibleOrganisation: null,
      plannedHours: 3,
      entry: null,
      canRecord: true,
    },
  ],
};

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

describe('WeeklyActivitySection', () => {
  it('shows the target in words, the chart, the table and the week form', () => {
    const weeks = Array.from({ length: 12 }, (_, index) => ({
      weekStart: addDays(monday, -7 * (11 - index)),
      targetHours: 15,
      plannedHours: 12,
      doneHours: index,
      declaredHours: 0,
      adjustment: null,
    }));
    const html = render(<WeeklyActivitySection personId={personId} contract={contract} />, [
      [
        [...weeklyActivityKey, 'person', personId, 'default'],
        { contractId, from: weeks[0]?.weekStart, to: monday, weeks },
      ],
      [[...weeklyActivityKey, 'week', contractId, monday], week],
    ]);
    const words = text(html);
    expect(html).toMatch(/<h3[^>]*>Activité hebdomadaire<\/h3>/);
    expect(words).toMatch(
      /Objectif : 15 h par semaine\. Dispense jusqu’au \d\d\/\d\d\/\d{4} \(parent isolé sans solution de garde\)\./,
    );
    expect(html).toContain('role="img"');
    expect(words).toContain('Heures attendues atteintes 0 semaine sur 12.');
    for (const header of ['Semaine du', 'Attendu', 'Prévu', 'Réalisé', 'dont déclaré par la personne']) {
      expect(html).toContain(`<th scope="col">${header}</th>`);
    }
    expect(words).toContain('Voir les 2 dernières années');
    expect(words).toContain('(semaine en cours)');
    expect(words).toContain('Atelier CV');
    expect(words).toContain('Heures réalisées');
    expect(words).toContain('Déclaré par la personne');
    expect(words).toContain('Enregistrer les heures de « Atelier CV »');
  });
});

describe('SignatureLinkPanel', () => {
  it('explains the remote signature and offers to send the link', () => {
    const words = text(render(<SignatureLinkPanel contract={{ ...contract, status: 'propose' }} />));
    expect(words).toContain(
      'La personne reçoit un lien valable 7 jours. Elle lit son contrat, reçoit un code et signe.',
    );
    expect(words).toContain('Envoyer le lien de signature');
  });

  it('shows the pending link and the resend button', () => {
    const pendingLink = {
      id: '00000000-0000-4000-8000-000000000070',
      channel: 'sms' as const,
      sentTo: '06 •• •• •• 12',
      sentAt: '2026-11-20T09:00:00Z',
      expiresAt: '2026-11-27T09:00:00Z',
      sentBy: claire,
    };
    const words = text(
      render(<SignatureLinkPanel contract={{ ...contract, status: 'propose', pendingLink }} />),
    );
    expect(words).toMatch(/Lien envoyé par SMS au 06 •• •• •• 12 le .+, valable jusqu’au .+\./);
    expect(words).toContain('Renvoyer un nouveau lien');
  });
});
