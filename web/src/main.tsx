import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, RouterProvider } from 'react-router';
import { z } from 'zod';
import { onUnauthenticated } from './api';
import { forgetSession } from './pages/auth/auth.queries';
import { queryClient } from './queryClient';
import { router } from './router';
import './styles.css';

// zod's generic messages (those the contract does not word itself) in French.
z.config(z.locales.fr());

startReactDsfr({ defaultColorScheme: 'system', Link });

// DSFR components take react-router's Link props (`to`) in their `linkProps`.
declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

// Any 401 means the session is over: forget it, the route guards then lead to the login page.
onUnauthenticated(forgetSession);

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
