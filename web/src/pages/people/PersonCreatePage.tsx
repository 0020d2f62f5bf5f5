import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { FieldError } from '@spie/contract';
import { useEffect, useRef, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { candidatesFromError, type DuplicateCandidate, DuplicateList } from './DuplicateList';
import { IdentityFields } from './IdentityFields';
import { useCreatePerson, useDuplicates } from './people.queries';
import { errorCode, plural } from './peopleFormat';
import {
  duplicateProbe,
  emptyPersonForm,
  formPathOf,
  type PersonFormValues,
  personResolver,
  toIdentifiersInput,
  toIdentityInput,
} from './personForm';
import { useDebounced } from './useDebounced';

const duplicateCodes = new Set(['person.likely_duplicate', 'person.nir_exists']);

export function PersonCreatePage() {
  const navigate = useNavigate();
  const form = useForm<PersonFormValues>({ resolver: personResolver, defaultValues: emptyPersonForm });
  const create = useCreatePerson();
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [refusedCandidates, setRefusedCandidates] = useState<DuplicateCandidate[] | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);

  const values = form.watch();
  const probe = useDebounced(JSON.stringify(duplicateProbe(values)), 400);
  const duplicates = useDuplicates(JSON.parse(probe));
  const live = duplicates.data?.items ?? [];
  const candidates = refusedCandidates ?? (probe !== 'null' ? live : []);
  const refusedAsDuplicate = duplicateCodes.has(errorCode(serverError) ?? '');

  useEffect(() => {
    if (refusedAsDuplicate) warningRef.current?.focus();
  }, [refusedAsDuplicate]);

  const submit = form.handleSubmit(async (formValues) => {
    setServerError(null);
    setUnmatched([]);
    setRefusedCandidates(null);
    try {
      const person = await create.mutateAsync({
        identity: toIdentityInput(formValues),
        identifiers: toIdentifiersInput(formValues),
        asReferent: formValues.asReferent,
        confirmNotDuplicate: candidates.length > 0 && formValues.confirmNotDuplicate,
      });
      navigate(`/personnes/${person.id}`, { state: { created: true } });
    } catch (error) {
      setServerError(error);
      if (duplicateCodes.has(errorCode(error) ?? '')) {
        setRefusedCandidates(candidatesFromError(error) ?? (await duplicates.refetch()).data?.items ?? []);
        return;
      }
      const rest: FieldError[] = [];
      let first = true;
      if (isApiError(error)) {
        for (const field of error.fields) {
          const path = formPathOf(field.path, formValues);
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
    <>
      <PageBreadcrumb
        current="Créer un dossier"
        parents={[{ label: 'Personnes accompagnées', to: '/personnes' }]}
      />
      <PageHeading title="Créer le dossier d’une personne" />
      <p>
        Avant de créer un dossier, vérifiez que la personne n’en a pas déjà un : une alerte s’affiche pendant
        la saisie si une personne ressemblante existe.
      </p>
      <form onSubmit={submit} noValidate>
        {!refusedAsDuplicate && <ApiErrorAlert error={serverError} title="Le dossier n’a pas été créé" />}
        <FieldErrorList fields={unmatched} />
        <p className="fr-text--sm">Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».</p>

        <IdentityFields form={form} />

        <p className="fr-sr-only" aria-live="polite">
          {candidates.length > 0
            ? `Attention : ${plural(candidates.length, 'dossier existant ressemble', 'dossiers existants ressemblent')} à cette personne. La liste est affichée avant le bouton « Créer le dossier ».`
            : ''}
        </p>
        <div ref={warningRef} tabIndex={-1}>
          {candidates.length > 0 && (
            <Alert
              className="fr-mb-3w"
              severity="warning"
              as="h2"
              title={
                refusedAsDuplicate
                  ? 'Le dossier n’a pas été créé : cette personne a peut-être déjà un dossier'
                  : 'Cette personne a peut-être déjà un dossier'
              }
              description={
                <>
                  <span className="spie-block fr-mb-2w">
                    {plural(candidates.length, 'dossier ressemble', 'dossiers ressemblent')} à celui que vous
                    créez. Ouvrez-le ou demandez à rejoindre l’équipe plutôt que de créer un doublon.
                  </span>
                  <DuplicateList candidates={candidates} />
                  <Checkbox
                    className="fr-mt-2w fr-mb-0"
                    options={[
                      {
                        label: 'J’ai vérifié : il s’agit d’une autre personne',
                        hintText: 'Cochez seulement si vous êtes sûr·e, puis enregistrez de nouveau.',
                        nativeInputProps: form.register('confirmNotDuplicate'),
                      },
                    ]}
                  />
                </>
              }
            />
          )}
        </div>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">Accompagnement</legend>
          <div className="fr-fieldset__element">
            <Checkbox
              options={[
                {
                  label: 'Je suis le ou la référent·e unique de cette personne',
                  hintText:
                    'Décochez si quelqu’un d’autre sera son ou sa référent·e : vous rejoindrez alors son équipe comme co-référent·e.',
                  nativeInputProps: form.register('asReferent'),
                },
              ]}
            />
          </div>
        </fieldset>

        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Création…' : 'Créer le dossier'}
        </Button>
      </form>
    </>
  );
}
