import type { PublicSignatureState } from '@spie/contract/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PublicSignaturePage } from './PublicSignaturePage';
import { SummaryStep } from './SummaryStep';

const token = 'abcdefghijklmnopqrstuvwxyz012345';

function state(overrides: Partial<PublicSignatureState>): PublicSignatureState {
  return {
    state: 'valide',
    firstName: 'Nadia',
    organisationName: 'CCAS de Lille',
    contact: { referentName: 'Claire Martin', phone: '03 20 00 00 00', email: 'accueil@ccas-lille.fr' },
    expiresAt: '2026-11-30T10:00:00Z',
    usedAt: null,
    codeChannels: [
      { channel: 'sms', masked: '06 •• •• •• 12' },
      { channel: 'email', masked: 'n•••@exemple.fr' },
    ],
    ...overrides,
  };
}

/** Server-side render of the page with the link's state already known (no network). */
function render(link: PublicSignatureState): string {
  const client = new QueryClient();
  client.setQueryData(['public-signature', token], link);
  const router = createMemoryRouter([{ path: '/signature/:token', element: <PublicSignaturePage /> }], {
    initialEntries: [`/signature/${token}`],
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

describe('PublicSignaturePage', () => {
  it('greets the person and offers both channels for the code', () => {
    const html = render(state({}));
    expect(html).toMatch(/<h1[^>]*>Bonjour Nadia<\/h1>/);
    const words = text(html);
    expect(words).toContain('CCAS de Lille vous propose de signer votre contrat d’engagement.');
    expect(words).toContain('Pour protéger vos informations, nous allons vous envoyer un code.');
    expect(words).toContain('Où voulez-vous recevoir le code ?');
    expect(words).toContain('Par SMS au 06 •• •• •• 12');
    expect(words).toContain('Par e-mail à n•••@exemple.fr');
    expect(words).toContain('Recevoir un code');
  });

  it('explains an expired link with whom to call, a tel: link and an e-mail', () => {
    const html = render(state({ state: 'expire' }));
    expect(html).toMatch(/<h1[^>]*>Ce lien a expiré<\/h1>/);
    expect(html).toContain('href="tel:+33320000000"');
    expect(html).toContain('href="mailto:accueil@ccas-lille.fr"');
    expect(text(html)).toContain('Votre contrat n’est pas signé.');
  });

  it('explains a used and a replaced link', () => {
    expect(render(state({ state: 'utilise', usedAt: '2026-11-20T09:00:00Z' }))).toMatch(
      /<h1[^>]*>Ce contrat est déjà signé<\/h1>/,
    );
    expect(render(state({ state: 'remplace' }))).toMatch(/<h1[^>]*>Ce lien a été remplacé<\/h1>/);
  });

  it('sends the person to the référent when no channel can receive a code', () => {
    const words = text(render(state({ codeChannels: [] })));
    expect(words).toContain('nous ne pouvons pas vous envoyer de code');
    expect(words).not.toContain('Recevoir un code');
  });
});

describe('SummaryStep', () => {
  it('reads the contract in plain words before the checkbox and the button', () => {
    const html = renderToString(
      <SummaryStep
        summary={{
          firstName: 'Nadia',
          organisationName: 'CCAS de Lille',
          referentName: 'Claire Martin',
          startOn: '2026-12-01',
          endOn: '2027-05-31',
          amendment: false,
          myCommitments: [
            {
              objective: 'Trouver un mode de garde',
              actions: [{ label: 'Demande de place en crèche', when: 'en décembre 2026', hoursPerWeek: 2 }],
            },
          ],
          organisationCommitments: ['Vous recevoir une fois par mois'],
          weeklyActivity: { targetHours: 15, adjustment: null },
          nextAppointment: { at: '2027-01-12T13:00:00Z', place: 'CCAS, 1 rue de Paris, Lille' },
          rights: ['Vous pouvez demander à changer de référent·e.'],
        }}
        focus={false}
        signing={false}
        signError={null}
        onSign={() => {}}
        onRestart={() => {}}
      />,
    );
    const words = text(html);
    for (const heading of [
      'Ce à quoi je m’engage',
      'Ce que CCAS de Lille s’engage à faire',
      'Mon activité chaque semaine',
      'Mon prochain rendez-vous',
      'Mes droits',
    ]) {
      expect(html).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
    }
    expect(words).toContain('Il commence le 1 décembre 2026 et finit le 31 mai 2027.');
    expect(words).toContain('Environ 2 heures par semaine');
    expect(words).toContain('Chaque semaine, je fais 15 heures d’activité');
    expect(words).toContain('Mardi 12 janvier 2027 à 14 h 00');
    expect(words).toContain('J’ai lu mon contrat et je m’engage à le respecter');
    expect(words).toContain('Je signe mon contrat');
  });
});
