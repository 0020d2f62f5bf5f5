import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import {
  type OrganisationInput,
  organisationInput,
  organisationKindLabels,
  organisationKinds,
} from '@spie/contract/territories';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { CommuneSearch } from './CommuneSearch';
import { useOrganisations } from './organisations.queries';

const formPaths = [
  'kind',
  'name',
  'siret',
  'safirCode',
  'address.line',
  'address.postalCode',
  'address.communeCode',
  'email',
  'phone',
  'sensitive',
  'parentId',
] as const;

export const emptyOrganisation: OrganisationInput = {
  kind: '' as OrganisationInput['kind'],
  name: '',
  siret: '',
  safirCode: '',
  address: { line: '', postalCode: '', communeCode: '' },
  email: '',
  phone: '',
  sensitive: false,
  parentId: null,
};

/**
 * Create and edit form of an organisation. Values are checked with the contract's schema before
 * sending; the server checks them again and its field errors are put under the same inputs.
 */
export function OrganisationForm({
  defaultValues,
  communeName,
  ownId,
  submitLabel,
  serverPrefix = '',
  onSubmit,
}: {
  defaultValues: OrganisationInput;
  communeName?: string | null;
  ownId?: string;
  submitLabel: string;
  serverPrefix?: string;
  onSubmit: (values: OrganisationInput) => Promise<unknown>;
}) {
  const form = useForm<OrganisationInput, unknown, OrganisationInput>({
    resolver: zodResolver(organisationInput, undefined, { raw: true }),
    defaultValues,
  });
  const { register, formState, setValue, getValues, watch, setError } = form;
  const errors = formState.errors;
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const parents = useOrganisations({});
  const kind = watch('kind');

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      await onSubmit(values);
    } catch (error) {
      setServerError(error);
      setUnmatched(applyServerFieldErrors(error, setError, formPaths, serverPrefix));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <ApiErrorAlert error={serverError} title="La structure n’a pas été enregistrée" />
      <FieldErrorList fields={unmatched} />
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Identité de la structure</legend>
        <div className="fr-fieldset__element">
          <Select
            label="Type de structure *"
            nativeSelectProps={{ ...register('kind'), required: true }}
            {...fieldState(errors.kind)}
          >
            <option value="" disabled>
              Choisir un type
            </option>
            {organisationKinds.map((value) => (
              <option key={value} value={value}>
                {organisationKindLabels[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Nom *"
            nativeInputProps={{ ...register('name'), required: true, autoComplete: 'organization' }}
            {...fieldState(errors.name)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="SIRET"
            hintText="14 chiffres, par exemple 130 025 265 00013. Facultatif."
            nativeInputProps={{ ...register('siret'), inputMode: 'numeric' }}
            {...fieldState(errors.siret)}
          />
        </div>
        {kind === 'france_travail' && (
          <div className="fr-fieldset__element">
            <Input
              label="Code SAFIR de l’agence"
              hintText="5 chiffres. Ne concerne que les agences France Travail."
              nativeInputProps={{ ...register('safirCode'), inputMode: 'numeric' }}
              {...fieldState(errors.safirCode)}
            />
          </div>
        )}
        <div className="fr-fieldset__element">
          <Select
            label="Structure de rattachement"
            hint="Par exemple l’agence départementale dont dépend une antenne. Facultatif."
            nativeSelectProps={register('parentId', { setValueAs: (value) => (value ? value : null) })}
            {...fieldState(errors.parentId)}
          >
            <option value="">Aucune</option>
            {(parents.data?.items ?? [])
              .filter((organisation) => organisation.id !== ownId)
              .map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
          </Select>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Adresse</legend>
        <div className="fr-fieldset__element">
          <Input
            label="Numéro et voie"
            nativeInputProps={{ ...register('address.line'), autoComplete: 'street-address' }}
            {...fieldState(errors.address?.line)}
          />
        </div>
        <div className="fr-fieldset__element">
          <CommuneSearch
            initialText={communeName ?? ''}
            onChoose={(commune) => {
              setValue('address.communeCode', commune.code, { shouldValidate: true });
              const [onlyPostalCode, ...others] = commune.postalCodes;
              if (onlyPostalCode && others.length === 0 && !getValues('address.postalCode')) {
                setValue('address.postalCode', onlyPostalCode, { shouldValidate: true });
              }
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label="Code postal"
            hintText="5 chiffres."
            nativeInputProps={{
              ...register('address.postalCode'),
              inputMode: 'numeric',
              autoComplete: 'postal-code',
            }}
            {...fieldState(errors.address?.postalCode)}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label="Code commune (INSEE)"
            hintText="Rempli par la recherche ci-dessus."
            nativeInputProps={register('address.communeCode')}
            {...fieldState(errors.address?.communeCode)}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Contact</legend>
        <div className="fr-fieldset__element">
          <Input
            label="Adresse électronique"
            nativeInputProps={{ ...register('email'), type: 'email', autoComplete: 'email' }}
            {...fieldState(errors.email)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Téléphone"
            nativeInputProps={{ ...register('phone'), type: 'tel', autoComplete: 'tel' }}
            {...fieldState(errors.phone)}
          />
        </div>
      </fieldset>

      <Checkbox
        legend="Confidentialité"
        options={[
          {
            label: 'Structure sensible',
            hintText:
              'Structure de santé ou de justice : ses professionnels ne sont jamais révélés dans l’annuaire.',
            nativeInputProps: register('sensitive'),
          },
        ]}
        {...fieldState(errors.sensitive)}
      />

      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Enregistrement…' : submitLabel}
      </Button>
    </form>
  );
}
