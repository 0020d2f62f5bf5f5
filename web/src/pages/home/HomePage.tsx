import { Card } from '@codegouvfr/react-dsfr/Card';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { roleDescriptions, roleLabels } from '@spie/contract/territories';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { homeContentByRole } from './homeContent';

/** Home page: its title names the active role, its content is what that role works on. */
export function HomePage() {
  const session = useSession().data;
  const membership = session?.activeMembership;
  if (!membership) return null;
  const content = homeContentByRole[membership.role];

  return (
    <>
      <PageHeading title={`Accueil — ${roleLabels[membership.role]}`} />
      <p className="fr-text--lead">
        Bonjour {session.account?.firstName}. Vous agissez pour <strong>{membership.organisationName}</strong>
        .
      </p>
      <p>
        {roleDescriptions[membership.role]} {content.intro}
      </p>

      {content.links.length > 0 && (
        <section aria-labelledby="home-links-title" className="fr-mt-4w">
          <h2 id="home-links-title">Administration du territoire</h2>
          <ul className="fr-grid-row fr-grid-row--gutters spie-plain-list">
            {content.links.map((link) => (
              <li key={link.to} className="fr-col-12 fr-col-md-6">
                <Tile
                  title={link.title}
                  titleAs="h3"
                  desc={link.description}
                  linkProps={{ to: link.to }}
                  enlargeLinkOrButton
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {content.sections.length > 0 && (
        <section aria-labelledby="home-sections-title" className="fr-mt-4w">
          <h2 id="home-sections-title">Votre activité</h2>
          <ul className="fr-grid-row fr-grid-row--gutters spie-plain-list">
            {content.sections.map((section) => (
              <li key={section.title} className="fr-col-12 fr-col-md-6">
                {section.to ? (
                  <Tile
                    title={section.title}
                    titleAs="h3"
                    desc={section.description}
                    linkProps={{ to: section.to }}
                    enlargeLinkOrButton
                  />
                ) : (
                  <Card
                    title={section.title}
                    titleAs="h3"
                    desc={section.description}
                    end={<p className="fr-text--sm fr-mb-0 spie-empty-state">{section.emptyState}</p>}
                    border
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {session.demoMode && (
        <section aria-labelledby="home-demo-title" className="fr-mt-4w">
          <h2 id="home-demo-title">Démonstration</h2>
          <p>
            Les courriels et SMS ne partent pas pour de vrai : ils sont rangés dans la boîte de réception de
            démonstration.
          </p>
          <Tile
            title="Boîte de réception de démonstration"
            titleAs="h3"
            desc="Voir les messages qui auraient été envoyés."
            linkProps={{ to: '/demo/boite-de-reception' }}
            enlargeLinkOrButton
          />
        </section>
      )}
    </>
  );
}
