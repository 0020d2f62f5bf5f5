import type { Role } from '@spie/contract/territories';
import { Outlet } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';

/** Roles that accompany people (their caseload, their teams). */
export const accompanyingRoles: readonly Role[] = ['professional', 'social_worker', 'structure_manager'];
/** Roles that may look a person up (the server still decides what each one sees). */
export const searchingRoles: readonly Role[] = [
  ...accompanyingRoles,
  'orientation_manager',
  'territory_admin',
];

/** Only for some roles: others read why they cannot see the page (the server checks it again). */
export function RequireAnyRole({ allowed }: { allowed: readonly Role[] }) {
  const role = useSession().data?.activeMembership?.role;
  if (!role || !allowed.includes(role)) {
    return (
      <>
        <PageHeading title="Accès réservé" />
        <p>
          Cette page est réservée aux professionnels qui accompagnent des personnes. Si vous avez plusieurs
          rattachements, changez de structure en haut de la page.
        </p>
      </>
    );
  }
  return <Outlet />;
}
