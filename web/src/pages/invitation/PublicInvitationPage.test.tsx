import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { invitationKey, type PublicInvitation } from './invitation.queries';
import { PublicInvitationPage } from './PublicInvitationPage';

const token = 'ABCDEFGHJKMN';

function invitation(overrides: Partial<PublicInvitation>): PublicInvitation {
  return {
    state: 'ouverte',
    firstName: 'Camille',
    organisationName: 'ALI Bobigny',
    appointmentTypeLabel: 'Accompagnement',
    expiresOn: '2026-12-04',
    allowCallback: true,
    slots: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        startsAtLocal: '2026-11-24T10:30',
        durationMinutes: 30,
        mode: 'sur_place',
        address: '3 rue Haute, Bobigny',
        placesLeft: 3,
      },
      {
        id: '00000000-0000-4000-8000-000000000002',
        startsAtLocal: '2026-11-25T14:00',
        durationMinutes: 30,
        mode: 'sur_place',
        address: '3 rue Haute, Bobigny',
        placesLeft: 0,
      },
    ],
    answer: null,
    contact: { organisationName: 'ALI Bobigny', phone: '01 23 45 67 89' },
    ...overrides,
  };
}

/** Server-side render with the invitation already known (no network). */
function render(data: PublicInvitation | null, path = `/rdv/${token}`): string {
  const client = new QueryClient();
  if (data) client.setQueryData(invitationKey(token), data);
  const router = createMemoryRouter([{ path: '/rdv/:token', element: <PublicInvitationPage /> }], {
    initialEntries: [path],
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
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('PublicInvitationPage', () => {
  it('greets the person and offers the slots as large radio buttons, full ones disabled', () => {
    const html = render(invitation({}));
    expect(html).toMatch(/<h1[^>]*>Bonjour Camille, vous êtes invité·e à un rendez-vous<\/h1>/);
    const words = text(html);
    expect(words).toContain('ALI Bobigny vous propose un rendez-vous (Accompagnement).');
    expect(words).toContain('Vous pouvez répondre jusqu’au 4 décembre 2026.');
    expect(words).toContain('Quel moment vous convient ?');
    expect(words).toContain('Mardi 24 novembre 2026 à 10 h 30');
    expect(words).toContain('Adresse : 3 rue Haute, Bobigny Durée : 30 minutes 3 places');
    expect(words).toContain('Complet');
    expect(html).toMatch(
      /<input[^>]*disabled=""[^>]*value="00000000-0000-4000-8000-000000000002"|value="00000000-0000-4000-8000-000000000002"[^>]*disabled=""/,
    );
    expect(words).toContain('Je choisis ce rendez-vous');
    expect(html).toMatch(/<h2[^>]*>Aucun horaire ne me convient<\/h2>/);
    expect(words).toContain('Quand préférez-vous être appelé·e ?');
    expect(words).toContain('Je veux être rappelé·e');
    expect(html).toContain('href="tel:+33123456789"');
  });

  it('offers no call back when the campaign does not allow it', () => {
    const words = text(render(invitation({ allowCallback: false })));
    expect(words).not.toContain('Je veux être rappelé·e');
  });

  it('explains an expired invitation and whom to call', () => {
    const html = render(invitation({ state: 'expiree' }));
    expect(html).toMatch(/<h1[^>]*>Cette invitation a expiré<\/h1>/);
    expect(text(html)).toContain('Il fallait répondre avant le 4 décembre 2026.');
    expect(html).toContain('href="tel:+33123456789"');
  });

  it('reminds the appointment already chosen', () => {
    const html = render(
      invitation({
        state: 'repondue',
        answer: { kind: 'creneau', startsAtLocal: '2026-11-24T10:30', address: '3 rue Haute, Bobigny' },
      }),
    );
    expect(html).toMatch(/<h1[^>]*>Vous avez déjà choisi votre rendez-vous<\/h1>/);
    const words = text(html);
    expect(words).toContain('Mardi 24 novembre 2026 à 10 h 30');
    expect(words).toContain('Adresse : 3 rue Haute, Bobigny');
  });

  it('explains a link that cannot be a code without asking the server', () => {
    expect(render(null, '/rdv/abc')).toMatch(/<h1[^>]*>Ce lien ne marche pas<\/h1>/);
  });
});
