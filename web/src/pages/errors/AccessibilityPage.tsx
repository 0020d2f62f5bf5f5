import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';

export function AccessibilityPage() {
  return (
    <>
      <PageBreadcrumb current="Accessibilité" />
      <PageHeading title="Déclaration d’accessibilité" />
      <p>
        SPIE s’engage à rendre son service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11
        février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        SPIE est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA)
        : aucun audit n’a encore été réalisé. Chaque page est vérifiée automatiquement à chaque version, mais
        ces vérifications ne remplacent pas un audit.
      </p>
      <h2>Signaler un problème</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’administrateur ou
        l’administratrice de votre territoire pour être orienté·e vers une alternative accessible.
      </p>
    </>
  );
}
