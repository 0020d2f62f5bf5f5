import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FieldError } from '@spie/contract';
import {
  benefitOrganismLabels,
  contactChannelLabels,
  householdRoleLabels,
  type PersonRecord,
  sexLabels,
} from '@spie/contract/people';
import { useEffect, useRef, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { SuccessAlert } from '../../components/SuccessAlert';
import { HouseholdSection } from './HouseholdSection';
import { IdentityFields } from './IdentityFields';
import { usePersonContext } from './PersonLayout';
import { usePerson, useUpdateIdentity } from './people.queries';
import { errorCode, formatDay } from './peopleFormat';
import {
  formFromIdentity,
  formPathOf,
  type PersonFormValues,
  personResolver,
  toIdentifiersInput,
  toIdentityInput,
} from './personForm';
import { StatusesSection } from './StatusesSection';
import { VersionConflictAlert } from './VersionConflictAlert';

export function SituationTab() {
  const { person } = usePersonContext();
  return (
    <>
      <h2>Situation</h2>
      {person.identity && <IdentitySection person={person} identity={person.identity} />}
      {person.identity && <HouseholdSection person={person} identity={person.identity} />}
      {person.situation && <StatusesSection person={person} statuses={person.situation.statuses} />}
    </>
  );
}

type Identity = NonNullable<PersonRecord['identity']>;

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {value === null || value === undefined || value === '' ? (
          <span className="spie-empty-state">Non renseigné</span>
        ) : (
          value
        )}
      </dd>
    </>
  );
}

function IdentitySection({ person, identity }: { person: PersonRecord; identity: Identity }) {
  const [editing, setEditing] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const canEdit = person.access.identity?.write === true && !person.mergedInto;

  return (
    <section aria-labelledby="identity-title" className="fr-mb-6w">
      <h3 id="identity-title">Identité et coordonnées</h3>
      {success && <SuccessAlert key={`${success}-${identity.version}`} title={success} />}
      {editing ? (
        <IdentityEditForm
          person={person}
          identity={identity}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setSuccess('Les modifications sont enregistrées.');
            else requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      ) : (
        <>
          <dl className="spie-facts">
            <Fact
              label="Civilité"
              value={identity.civility === 'Mme' ? 'Madame' : identity.civility === 'M.' ? 'Monsieur' : null}
            />
            <Fact label="Sexe" value={sexLabels[identity.sex]} />
            <Fact label="Nom de naissance" value={identity.birthName} />
            <Fact label="Nom d’usage" value={identity.usageName} />
            <Fact label="Prénoms" value={identity.firstNames.join(' ')} />
            <Fact label="Date de naissance" value={formatDay(identity.birthDate)} />
            <Fact
              label="Lieu de naissance"
              value={
                identity.birthCommuneName ??
                identity.birthCommuneCode ??
                (identity.birthCountryCode ? `À l’étranger (code pays ${identity.birthCountryCode})` : null)
              }
            />
            <Fact
              label="Adresse"
              value={[
                identity.addressLine,
                [identity.postalCode, identity.communeName].filter(Boolean).join(' '),
              ]
                .filter(Boolean)
                .join(', ')}
            />
            <Fact label="Téléphone mobile" value={identity.phoneMobile} />
            <Fact label="Autre téléphone" value={identity.phoneOther} />
            <Fact
              label="Adresse électronique"
              value={identity.email && <span className="spie-break">{identity.email}</span>}
            />
            <Fact
              label="Moyen de contact préféré"
              value={identity.preferredChannel ? contactChannelLabels[identity.preferredChannel] : null}
            />
            <Fact label="Langue parlée" value={identity.language} />
            <Fact label="NIR" value={identity.nirMasked} />
            <Fact
              label="Prestations"
              value={
                identity.benefitOrganism || identity.benefitMatricule
                  ? [
                      identity.benefitOrganism ? benefitOrganismLabels[identity.benefitOrganism] : null,
                      identity.benefitMatricule ? `matricule ${identity.benefitMatricule}` : null,
                      identity.householdRole ? householdRoleLabels[identity.householdRole] : null,
                    ]
                      .filter(Boolean)
                      .join(', ')
                  : null
              }
            />
            <Fact label="Identifiant France Travail" value={identity.franceTravailId} />
            <Fact label="Identifiant interne" value={identity.internalId} />
          </dl>
          {canEdit && (
            <Button
              ref={editButtonRef}
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => {
                setSuccess(null);
                setEditing(true);
              }}
            >
              Modifier l’identité et les coordonnées
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function IdentityEditForm({
  person,
  identity,
  onDone,
}: {
  person: PersonRecord;
  identity: Identity;
  onDone: (saved: boolean) => void;
}) {
  const form = useForm<PersonFormValues>({
    resolver: personResolver,
    defaultValues: formFromIdentity(identity),
  });
  const update = useUpdateIdentity(person.id);
  const reload = usePerson(person.id);
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const firstFieldRef = useRef<HTMLFormElement>(null);
  const conflict = errorCode(serverError) === 'person.version_conflict';

  useEffect(() => {
    firstFieldRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      await update.mutateAsync({
        identity: toIdentityInput(values),
        identifiers: toIdentifiersInput(values),
        version: identity.version,
      });
      onDone(true);
    } catch (error) {
      setServerError(error);
      const rest: FieldError[] = [];
      let first = true;
      if (isApiError(error)) {
        for (const field of error.fields) {
          const path = formPathOf(field.path, values);
          if (path) {
            form.setError(
              path as FieldPath<PersonFormValues>,
              { type: 'server', message: field.message },
              { shouldFocus: first },
            );
            first = false;
          } else rest.push(field);
        }
      }
      setUnmatched(rest);
    }
  });

  return (
    <form
      ref={firstFieldRef}
      onSubmit={submit}
      noValidate
      aria-label="Modifier l’identité et les coordonnées"
    >
      {conflict ? (
        <VersionConflictAlert
          error={serverError}
          onReload={async () => {
            await reload.refetch();
            onDone(false);
          }}
        />
      ) : (
        <ApiErrorAlert error={serverError} title="Les modifications n’ont pas été enregistrées" />
      )}
      <FieldErrorList fields={unmatched} />
      <p className="fr-text--sm">Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».</p>
      <IdentityFields
        form={form}
        birthCommuneName={identity.birthCommuneName}
        communeName={identity.communeName}
        nirMasked={identity.nirMasked}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Enregistrement…' : 'Enregistrer les modifications'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
