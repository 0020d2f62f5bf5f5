import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { useLocation, useNavigate } from 'react-router';
import { useLogout, useLogoutEverywhere, useSession } from '../pages/auth/auth.queries';
import { navigationEntries, toNavigationItems } from './navigation';

export const headerId = 'en-tete';
export const mainNavigationId = `${headerId}-main-navigation`;

export function SiteHeader() {
  const session = useSession().data;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();

  const role = session?.activeMembership?.role ?? null;
  const entries = navigationEntries(role, session?.demoMode ?? false);

  const quickAccessItems: HeaderProps.QuickAccessItem[] = session?.authenticated
    ? [
        {
          iconId: 'fr-icon-logout-box-r-line',
          text: 'Se déconnecter',
          buttonProps: {
            type: 'button',
            disabled: logout.isPending,
            onClick: () =>
              logout.mutate(undefined, {
                onSettled: () => navigate('/connexion', { state: { notice: 'Vous êtes déconnecté·e.' } }),
              }),
          },
        },
        {
          iconId: 'fr-icon-shut-down-line',
          text: 'Fermer toutes mes sessions',
          buttonProps: {
            type: 'button',
            disabled: logoutEverywhere.isPending,
            onClick: () =>
              logoutEverywhere.mutate(undefined, {
                onSuccess: ({ closed }) =>
                  navigate('/connexion', {
                    state: {
                      notice: `Toutes vos sessions sont fermées (${closed} session${closed > 1 ? 's' : ''}), sur tous vos appareils.`,
                    },
                  }),
              }),
          },
        },
      ]
    : [];

  return (
    <Header
      id={headerId}
      // The colour-scheme dialog carries its own h1; pages must keep a single h1 (theme follows the system).
      disableDisplay
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ to: '/', title: 'Accueil — SPIE' }}
      serviceTitle="SPIE"
      serviceTagline="Service public de l'insertion et de l'emploi"
      quickAccessItems={quickAccessItems}
      {...(entries.length > 0 ? { navigation: toNavigationItems(entries, pathname) } : {})}
    />
  );
}
