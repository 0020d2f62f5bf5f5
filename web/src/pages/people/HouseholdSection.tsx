import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { childAgeBands, type PersonRecord } from '@spie/contract/people';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePerson, useUpdateHousehold } from './people.queries';
import { errorCode } from './peopleFormat';
import { VersionConflictAlert } from './VersionConflictAlert';

type Identity = NonNullable<PersonRecord['identity']>;
type Band = (typeof childAgeBands)[number];

const bandLabels: Record<Band, string> = {
  '0-2': 'de 0 à 2 ans',
  '3-5': 'de 3 à 5 ans',
  '6-10': 'de 6 à 10 ans',
  '11-15': 'de 11 à 15 ans',
  '16-17': 'de 16 à 17 ans',
  '18-24': 'de 18 à 24 ans',
};

function countBands(bands: Band[]): Record<Band, string> {
  const counts = Object.fromEntries(childAgeBands.map((band) => [band, '0'])) as Record<Band, string>;
  for (const band of bands) counts[band] = String(Number(counts[band]) + 1);
  return counts;
}

/** Household composition: children by age band and lone parent (versioned with the identity). */
export function HouseholdSection({ person, identity }: { person: PersonRecord; identity: Identity }) {
  const household = identity.household;
  const canEdit = person.access.identity?.write === true && !person.mergedInto;
  const [children, setChildren] = useState(String(household.dependentChildren));
  const [bands, setBands] = useState(countBands(household.childrenAgeBands));
  const [loneParent, setLoneParent] = useState(household.loneParent);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState(false);
  const update = useUpdateHousehold(person.id);
  const reload = usePerson(person.id);
  const conflict = errorCode(update.error) === 'person.version_conflict';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSuccess(false);
    const dependentChildren = Number(children);
    const list: Band[] = [];
    for (const band of childAgeBands) {
      const count = Number(bands[band]);
      if (!Number.isInteger(count) || count < 0 || count > 20) {
        setError(`Enfants ${bandLabels[band]} : indiquez un nombre entre 0 et 20.`);
        return;
      }
      for (let i = 0; i < count; i++) list.push(band);
    }
    if (!Number.isInteger(dependentChildren) || dependentChildren < 0 || dependentChildren > 20) {
      setError('Enfants à charge : indiquez un nombre entre 0 et 20.');
      return;
    }
    if (list.length > 20) {
      setError('Vingt enfants au plus.');
      return;
    }
    setError(null);
    try {
      await update.mutateAsync({
        household: { partnerId: household.partnerId, dependentChildren, childrenAgeBands: list, loneParent },
        version: identity.version,
      });
      setSuccess(true);
    } catch {
      // Shown by the alerts.
    }
  };

  return (
    <section aria-labelledby="household-title" className="fr-mb-6w">
      <h3 id="household-title">Foyer</h3>
      {household.partnerName && <p>Conjoint·e : {household.partnerName}</p>}
      {success && <SuccessAlert key={identity.version} title="La composition du foyer est enregistrée." />}
      {conflict ? (
        <VersionConflictAlert
          error={update.error}
          onReload={() => reload.refetch().then(() => update.reset())}
        />
      ) : (
        <ApiErrorAlert error={update.error} title="La composition du foyer n’a pas été enregistrée" />
      )}
      <form noValidate onSubmit={submit} aria-label="Composition du foyer">
        <fieldset className="fr-fieldset" disabled={!canEdit}>
          <legend className="fr-fieldset__legend fr-text--regular">
            Enfants{!canEdit && ' (consultation seulement)'}
          </legend>
          <div className="fr-fieldset__element spie-narrow">
            <Input
              label="Nombre d’enfants à charge"
              nativeInputProps={{
                type: 'number',
                min: 0,
                max: 20,
                inputMode: 'numeric',
                value: children,
                onChange: (event) => setChildren(event.target.value),
              }}
              {...(error?.startsWith('Enfants à charge')
                ? { state: 'error' as const, stateRelatedMessage: error }
                : {})}
            />
          </div>
          {childAgeBands.map((band) => (
            <div key={band} className="fr-fieldset__element fr-fieldset__element--inline spie-narrow">
              <Input
                label={`Enfants ${bandLabels[band]}`}
                nativeInputProps={{
                  type: 'number',
                  min: 0,
                  max: 20,
                  inputMode: 'numeric',
                  value: bands[band],
                  onChange: (event) => setBands({ ...bands, [band]: event.target.value }),
                }}
                {...(error?.startsWith(`Enfants ${bandLabels[band]}`)
                  ? { state: 'error' as const, stateRelatedMessage: error }
                  : {})}
              />
            </div>
          ))}
          <div className="fr-fieldset__element">
            <Checkbox
              options={[
                {
                  label: 'Parent isolé',
                  hintText: 'La personne élève seule un ou plusieurs enfants.',
                  nativeInputProps: {
                    checked: loneParent,
                    onChange: (event) => setLoneParent(event.target.checked),
                  },
                },
              ]}
            />
          </div>
        </fieldset>
        {error === 'Vingt enfants au plus.' && <p className="fr-error-text">{error}</p>}
        {canEdit && (
          <Button type="submit" priority="secondary" disabled={update.isPending}>
            {update.isPending ? 'Enregistrement…' : 'Enregistrer le foyer'}
          </Button>
        )}
      </form>
    </section>
  );
}
