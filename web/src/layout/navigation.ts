import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import type { Role } from '@spie/contract/territories';

interface NavigationEntry {
  text: string;
  to: string;
}

/** Main menu entries for a role; the demo inbox is offered to everyone while the demo mode is on. */
export function navigationEntries(role: Role | null, demoMode: boolean): NavigationEntry[] {
  if (!role) return [];
  const entries: NavigationEntry[] = [{ text: 'Accueil', to: '/' }];
  if (role === 'professional' || role === 'social_worker' || role === 'structure_manager') {
    entries.push(
      { text: 'Ma file active', to: '/file-active' },
      { text: 'Agenda', to: '/agenda' },
      { text: 'Personnes accompagnées', to: '/personnes' },
      { text: 'Rechercher une personne', to: '/personnes/recherche' },
      { text: 'Demandes d’équipe', to: '/equipes/demandes' },
      { text: 'Contrats à signer', to: '/contrats' },
    );
  }
  if (role === 'structure_manager') entries.push({ text: 'À affecter', to: '/orientations/a-affecter' });
  // The catalogue is open to every member; referrals to those who accompany people.
  entries.push({ text: 'Offres d’insertion', to: '/offres' });
  if (role === 'professional' || role === 'social_worker' || role === 'structure_manager') {
    entries.push({ text: 'Prescriptions', to: '/prescriptions' });
  }
  if (role === 'structure_manager' || role === 'territory_admin') {
    entries.push({ text: 'Mes offres', to: '/offres/gestion' });
  }
  if (role === 'steering_viewer') entries.push({ text: 'Occupation des places', to: '/offres/occupation' });
  if (role === 'structure_manager' || role === 'territory_admin' || role === 'steering_viewer') {
    entries.push({ text: 'Alertes', to: '/revue' });
  }
  if (role === 'structure_manager' || role === 'territory_admin') {
    entries.push({ text: 'Campagnes', to: '/campagnes' });
  }
  if (role === 'professional' || role === 'social_worker') {
    entries.push({ text: 'Réorientations', to: '/orientations/reorientations' });
  }
  if (role === 'orientation_manager') {
    entries.push(
      { text: 'À orienter', to: '/orientations/a-orienter' },
      { text: 'Réorientations', to: '/orientations/reorientations' },
    );
  }
  if (role === 'orientation_manager' || role === 'territory_admin') {
    entries.push({ text: 'Rechercher une personne', to: '/personnes/recherche' });
  }
  if (role === 'territory_admin') {
    entries.push(
      { text: 'Structures', to: '/admin/structures' },
      { text: 'Comptes', to: '/admin/comptes' },
      { text: 'Paramètres du territoire', to: '/admin/parametres' },
      { text: 'Règles d’alerte', to: '/territoire/regles-d-alerte' },
      { text: 'Listes de référence', to: '/territoire/listes-de-reference' },
      { text: 'Journal d’audit', to: '/admin/audit' },
    );
  }
  if (demoMode) entries.push({ text: 'Boîte de réception de démonstration', to: '/demo/boite-de-reception' });
  return entries;
}

/**
 * An entry is active on its own page and on the pages below it (the home only on itself); when
 * two entries match (`/personnes` and `/personnes/recherche`), only the most specific one is.
 */
export function toNavigationItems(entries: NavigationEntry[], pathname: string): MainNavigationProps.Item[] {
  const matches = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  const active = entries
    .filter((entry) => matches(entry.to))
    .reduce<string | null>((best, entry) => (best && best.length >= entry.to.length ? best : entry.to), null);
  return entries.map((entry) => ({
    text: entry.text,
    linkProps: { to: entry.to },
    isActive: entry.to === active,
  }));
}
