import { Button } from '@codegouvfr/react-dsfr/Button';
import { PageHeading } from '../../components/PageHeading';

export function NotFoundPage() {
  return (
    <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w">
      <PageHeading title="Page non trouvée" />
      <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p className="fr-text--lead fr-mb-3w">
        La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
      </p>
      <p className="fr-text--sm fr-mb-5w">
        Si vous avez tapé l’adresse dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être
        plus disponible.
      </p>
      <Button linkProps={{ to: '/' }}>Retourner à l’accueil</Button>
    </div>
  );
}
