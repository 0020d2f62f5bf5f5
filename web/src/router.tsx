import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAccount, RequireMember, RequireRole } from './components/guards';
import { AppLayout } from './layout/AppLayout';
import { AuditPage } from './pages/audit/AuditPage';
import { ChooseMembershipPage } from './pages/auth/ChooseMembershipPage';
import { LoginPage } from './pages/auth/LoginPage';
import { AccessibilityPage } from './pages/errors/AccessibilityPage';
import { ErrorPage, RootErrorPage } from './pages/errors/ErrorPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { HomePage } from './pages/home/HomePage';
import { DemoInboxPage } from './pages/notifications/DemoInboxPage';
import { AccountCreatePage } from './pages/territories/AccountCreatePage';
import { AccountEditPage } from './pages/territories/AccountEditPage';
import { AccountsPage } from './pages/territories/AccountsPage';
import { OrganisationCreatePage } from './pages/territories/OrganisationCreatePage';
import { OrganisationEditPage } from './pages/territories/OrganisationEditPage';
import { OrganisationsPage } from './pages/territories/OrganisationsPage';
import { SettingsPage } from './pages/territories/SettingsPage';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        // Errors below render inside the page frame.
        errorElement: <ErrorPage />,
        children: [
          { path: '/connexion', element: <LoginPage /> },
          { path: '/accessibilite', element: <AccessibilityPage /> },
          {
            element: <RequireAccount />,
            children: [{ path: '/choisir-structure', element: <ChooseMembershipPage /> }],
          },
          {
            element: <RequireMember />,
            children: [
              { path: '/', element: <HomePage /> },
              { path: '/demo/boite-de-reception', element: <DemoInboxPage /> },
              {
                path: '/admin',
                element: <RequireRole allowed="territory_admin" />,
                children: [
                  { index: true, element: <Navigate to="/admin/structures" replace /> },
                  { path: 'structures', element: <OrganisationsPage /> },
                  { path: 'structures/nouvelle', element: <OrganisationCreatePage /> },
                  { path: 'structures/:id', element: <OrganisationEditPage /> },
                  { path: 'comptes', element: <AccountsPage /> },
                  { path: 'comptes/nouveau', element: <AccountCreatePage /> },
                  { path: 'comptes/:id', element: <AccountEditPage /> },
                  { path: 'parametres', element: <SettingsPage /> },
                  { path: 'audit', element: <AuditPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
