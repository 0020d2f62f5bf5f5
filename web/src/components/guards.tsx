import type { Role } from '@spie/contract/territories';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../pages/auth/auth.queries';
import { ApiErrorAlert } from './ApiErrorAlert';
import { Loading } from './Loading';
import { PageHeading } from './PageHeading';

/** Signed in (a membership may still have to be chosen), else to the login page. */
export function RequireAccount() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Vérification de votre connexion…" />;
  if (session.isError) return <ApiErrorAlert error={session.error} />;
  if (!session.data.authenticated)
    return <Navigate to="/connexion" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** Signed in and acting through an active membership, else to the login page or the membership choice. */
export function RequireMember() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Vérification de votre connexion…" />;
  if (session.isError) return <ApiErrorAlert error={session.error} />;
  if (!session.data.authenticated)
    return <Navigate to="/connexion" replace state={{ from: location.pathname }} />;
  if (!session.data.activeMembership) return <Navigate to="/choisir-structure" replace />;
  return <Outlet />;
}

/** Only for one role: others read why they cannot see the page (the server checks it again). */
export function RequireRole({ allowed }: { allowed: Role }) {
  const session = useSession();
  if (session.data?.activeMembership?.role !== allowed) {
    return (
      <>
        <PageHeading title="Accès réservé" />
        <p>
          Cette page est réservée à un autre rôle que celui avec lequel vous êtes connecté·e. Si vous avez
          plusieurs rattachements, changez de structure en haut de la page.
        </p>
      </>
    );
  }
  return <Outlet />;
}
