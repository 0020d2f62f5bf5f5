import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { isApiError } from '../../api';

/** Labels of the form's fields, to say in words what someone else changed (version conflict). */
export const identityFieldLabels: Record<string, string> = {
  'identity.civility': 'Civilité',
  'identity.sex': 'Sexe',
  'identity.birthName': 'Nom de naissance',
  'identity.usageName': 'Nom d’usage',
  'identity.firstNames': 'Prénoms',
  'identity.birthDate': 'Date de naissance',
  'identity.birthCommuneCode': 'Commune de naissance',
  'identity.birthCountryCode': 'Pays de naissance',
  'identity.addressLine': 'Adresse',
  'identity.postalCode': 'Code postal',
  'identity.communeCode': 'Commune de résidence',
  'identity.phoneMobile': 'Téléphone mobile',
  'identity.phoneOther': 'Autre téléphone',
  'identity.email': 'Adresse électronique',
  'identity.preferredChannel': 'Moyen de contact préféré',
  'identity.language': 'Langue parlée',
  'identifiers.nir': 'NIR',
  'identifiers.benefitOrganism': 'Organisme (CAF ou MSA)',
  'identifiers.benefitMatricule': 'Matricule CAF ou MSA',
  'identifiers.householdRole': 'Rôle dans le dossier CAF ou MSA',
  'identifiers.franceTravailId': 'Identifiant France Travail',
  'identifiers.internalId': 'Identifiant interne',
  'household.partnerId': 'Conjoint·e',
  'household.dependentChildren': 'Enfants à charge',
  'household.childrenAgeBands': 'Âge des enfants',
  'household.loneParent': 'Parent isolé',
};

function changedFieldsOf(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const fields = error.details?.changedFields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/** The explanation of a 409 `*.version_conflict`, with what changed and a "Recharger" button. */
export function VersionConflictAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const changed = changedFieldsOf(error);
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert
        className="fr-mb-3w"
        severity="warning"
        role="alert"
        title="Quelqu’un d’autre a modifié ce dossier pendant que vous le modifiiez"
        description={
          <>
            <span className="spie-block">
              Vos changements n’ont pas été enregistrés, pour ne pas effacer les siens.
              {changed.length > 0 ? ' Informations modifiées entre-temps :' : ''}
            </span>
            {changed.length > 0 && (
              <ul>
                {changed.map((field) => (
                  <li key={field}>{identityFieldLabels[field] ?? field}</li>
                ))}
              </ul>
            )}
            <span className="spie-block fr-mb-2w">
              Rechargez pour voir la version à jour, puis refaites vos changements.
            </span>
            <Button priority="secondary" iconId="fr-icon-refresh-line" onClick={onReload}>
              Recharger
            </Button>
          </>
        }
      />
    </div>
  );
}
