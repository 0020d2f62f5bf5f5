import { Footer } from '@codegouvfr/react-dsfr/Footer';

export const footerId = 'pied-de-page';

export function SiteFooter() {
  return (
    <Footer
      id={footerId}
      accessibility="non compliant"
      accessibilityLinkProps={{ to: '/accessibilite' }}
      contentDescription="SPIE aide les départements et leurs partenaires à accompagner les personnes vers l’insertion sociale et professionnelle."
      homeLinkProps={{ to: '/', title: 'Accueil — SPIE' }}
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
    />
  );
}
