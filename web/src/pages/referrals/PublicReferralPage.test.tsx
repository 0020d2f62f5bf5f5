import type { ReferralView } from '@spie/contract/referrals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PublicReferralPage } from './PublicReferralPage';

const token = 'abcdefghijklmnopqrstuvwxyz012345';

function referral(overrides: Partial<ReferralView>): ReferralView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    person: { id: '00000000-0000-4000-8000-000000000002', firstName: 'Nadia', lastName: 'Benali' },
    service: {
      id: 'spie-93--permis-solidaire',
      nom: 'Permis de conduire solidaire',
      structureNom: 'Auto-école sociale',
    },
    session: null,
    sender: { name: 'Thomas Girard', organisation: 'ALI Bobigny' },
    receivingOrganisation: { id: null, name: 'Auto-école sociale' },
    status: 'envoyee',
    reason: 'Le permis lui permettrait d’accepter un poste d’aide à domicile.',
    needs: [{ theme: 'mobilite', label: 'Mobilité' }],
    shared: ['coordonnees'],
    sharedData: { phone: '06 12 34 56 78', email: null, birthDate: null, situation: [], documents: [] },
    refusalReason: null,
    outcome: null,
    statusNote: null,
    entryDate: null,
    endDate: null,
    waitingPosition: null,
    createdAt: '2026-11-20T10:00:00Z',
    answeredAt: null,
    expiresAt: '2026-12-20T10:00:00Z',
    history: [{ at: '2026-11-20T10:00:00Z', from: null, to: 'envoyee', by: 'Thomas Girard', note: null }],
    attendance: [],
    allowedActions: ['accept', 'refuse', 'waitlist'],
    canRecordAttendance: false,
    revision: 1,
    ...overrides,
  };
}

function render(view: ReferralView): string {
  const client = new QueryClient();
  client.setQueryData(['public-referral', token], {
    referral: view,
    linkExpiresAt: '2026-11-28T10:00:00Z',
    contactOfSender: {
      name: 'Thomas Girard',
      organisation: 'ALI Bobigny',
      phone: '01 23 45 67 89',
      email: null,
    },
  });
  const router = createMemoryRouter([{ path: '/prescription/:token', element: <PublicReferralPage /> }], {
    initialEntries: [`/prescription/${token}`],
  });
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

describe('PublicReferralPage', () => {
  it('shows who is referred, why, only the shared data, and the three answers', () => {
    const html = render(referral({}));
    expect(html).toMatch(/<h1[^>]*>Prescription pour Nadia Benali<\/h1>/);
    const words = text(html);
    expect(words).toContain(
      'Thomas Girard (ALI Bobigny) vous adresse Nadia Benali pour « Permis de conduire solidaire ».',
    );
    expect(words).toContain('Le permis lui permettrait d’accepter un poste d’aide à domicile.');
    expect(words).toContain('Mobilité');
    expect(words).toContain('06 12 34 56 78');
    expect(words).not.toContain('Date de naissance');
    for (const label of ['Accepter', 'Mettre en liste d’attente', 'Refuser']) expect(words).toContain(label);
    expect(words).not.toContain('Enregistrer les heures');
    expect(html).toContain('href="tel:+33123456789"');
  });

  it('once the person has entered, offers the hours of presence and the end', () => {
    const html = render(
      referral({
        status: 'en_cours',
        entryDate: '2026-11-16',
        allowedActions: ['finish'],
        canRecordAttendance: true,
        attendance: [{ week: '2026-11-09', hours: 6 }],
      }),
    );
    const words = text(html);
    expect(words).toContain('Noter la fin');
    expect(words).toContain('Enregistrer les heures');
    expect(words).toContain('Semaine du 09/11/2026 au 15/11/2026');
    expect(words).toContain('6 h');
    expect(words).not.toContain('Accepter');
  });
});
