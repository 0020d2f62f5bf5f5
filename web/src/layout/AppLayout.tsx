import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../pages/auth/auth.queries';
import { ActiveMembershipBar } from './ActiveMembershipBar';
import { footerId, SiteFooter } from './SiteFooter';
import { mainNavigationId, SiteHeader } from './SiteHeader';
import { useFocusOnNavigation } from './useFocusOnNavigation';

export const mainContentId = 'contenu';

/** Page frame: skip links, DSFR header, active membership, main content, DSFR footer. */
export function AppLayout({ children }: { children?: ReactNode }) {
  useFocusOnNavigation();
  // The main menu exists only once a membership is active; never offer a link to a missing target.
  const hasMenu = Boolean(useSession().data?.activeMembership);
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: `#${mainContentId}` },
          ...(hasMenu ? [{ label: 'Menu', anchor: `#${mainNavigationId}` }] : []),
          { label: 'Pied de page', anchor: `#${footerId}` },
        ]}
      />
      <SiteHeader />
      <ActiveMembershipBar />
      <main id={mainContentId} tabIndex={-1} className="fr-container fr-pt-2w fr-pb-8w spie-main">
        {children ?? <Outlet />}
      </main>
      <SiteFooter />
    </>
  );
}
