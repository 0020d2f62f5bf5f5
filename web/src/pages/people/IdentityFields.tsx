import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  benefitOrganismLabels,
  benefitOrganisms,
  contactChannelLabels,
  contactChannels,
  householdRoleLabels,
  householdRoles,
} from '@spie/contract/people';
import type { UseFormReturn } from 'react-hook-form';
import { fieldState } from '../../components/fieldState';
import { CommuneField } from './CommuneField';
import { frequentCountries, type PersonFormValues } from './personForm';

/** The four sections of a person's identity (create and edit share them). */
export function IdentityFields({
  form,
  birthCommuneName = '',
  communeName = '',
  nirMasked = null,
}: {
  form: UseFormReturn<PersonFormValues>;
  birthCommuneName?: string | null;
  communeName?: string | null;
  nirMasked?: string | null;
}) {
  const { register, watch, setValue, formState } = form;
  const errors = formState.errors;
  const e = errors.identity;
  const birthPlace = watch('identity.birthPlace');
  const countryChoice = watch('identity.birthCountryChoice');

  return (
    <>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Identité</legend>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Sexe"
            hintText="Tel qu’il figure à l’état civil."
            orientation="horizontal"
            options={[
              { label: 'Femme', nativeInputProps: { ...register('identity.sex'), value: 'F' } },
              { label: 'Homme', nativeInputProps: { ...register('identity.sex'), value: 'M' } },
            ]}
            {...fieldState(e?.sex)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select
            label="Civilité (facultatif)"
            hint="Comment s’adresser à la personne dans les courriers."
            nativeSelectProps={register('identity.civility')}
            {...fieldState(e?.civility)}
          >
            <option value="">Non précisée</option>
            <option value="Mme">Madame</option>
            <option value="M.">Monsieur</option>
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Nom de naissance"
            hintText="Le nom inscrit sur l’acte de naissance."
            nativeInputProps={{ ...register('identity.birthName'), autoComplete: 'off' }}
            {...fieldState(e?.birthName)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Nom d’usage (facultatif)"
            hintText="Par exemple le nom d’époux ou d’épouse."
            nativeInputProps={{ ...register('identity.usageName'), autoComplete: 'off' }}
            {...fieldState(e?.usageName)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Prénom"
            hintText="Le premier prénom."
            nativeInputProps={{ ...register('identity.firstName'), autoComplete: 'off' }}
            {...fieldState(e?.firstName)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Autres prénoms (facultatif)"
            hintText="Séparés par une espace, trois au plus."
            nativeInputProps={{ ...register('identity.otherFirstNames'), autoComplete: 'off' }}
            {...fieldState(e?.otherFirstNames)}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Naissance</legend>
        <div className="fr-fieldset__element">
          <Input
            label="Date de naissance"
            hintText="Sous la forme JJ/MM/AAAA, par exemple 17/05/1990."
            nativeInputProps={{
              ...register('identity.birthDate'),
              // A text field, not type="date": the browser's date widget follows its own language
              // (MM/DD in an English browser) and hides impossible dates such as 31/02.
              type: 'text',
              inputMode: 'numeric',
              autoComplete: 'bday',
              maxLength: 10,
            }}
            {...fieldState(e?.birthDate)}
          />
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Lieu de naissance (facultatif)"
            options={[
              {
                label: 'En France',
                nativeInputProps: { ...register('identity.birthPlace'), value: 'france' },
              },
              {
                label: 'À l’étranger',
                nativeInputProps: { ...register('identity.birthPlace'), value: 'abroad' },
              },
              {
                label: 'Je ne sais pas',
                nativeInputProps: { ...register('identity.birthPlace'), value: '' },
              },
            ]}
            orientation="horizontal"
          />
        </div>
        {birthPlace === 'france' && (
          <div className="fr-fieldset__element">
            <CommuneField
              label="Commune de naissance"
              initialText={birthCommuneName ?? ''}
              chosenCode={watch('identity.birthCommuneCode')}
              error={e?.birthCommuneCode?.message}
              onChoose={(commune) =>
                setValue('identity.birthCommuneCode', commune?.code ?? '', { shouldDirty: true })
              }
            />
          </div>
        )}
        {birthPlace === 'abroad' && (
          <>
            <div className="fr-fieldset__element">
              <Select
                label="Pays de naissance"
                nativeSelectProps={register('identity.birthCountryChoice')}
                {...fieldState(e?.birthCountryChoice)}
              >
                <option value="">Choisir un pays</option>
                {frequentCountries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
                <option value="other">Autre pays (indiquer son code)</option>
              </Select>
            </div>
            {countryChoice === 'other' && (
              <div className="fr-fieldset__element">
                <Input
                  label="Code INSEE du pays de naissance"
                  hintText="5 chiffres commençant par 99, par exemple 99127 pour l’Italie. Il figure aussi dans le NIR (6e au 10e caractère) des personnes nées à l’étranger."
                  nativeInputProps={{ ...register('identity.birthCountryOther'), inputMode: 'numeric' }}
                  {...fieldState(e?.birthCountryOther)}
                />
              </div>
            )}
          </>
        )}
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Coordonnées (facultatif)</legend>
        <div className="fr-fieldset__element">
          <Input
            label="Adresse (numéro et voie)"
            nativeInputProps={{ ...register('identity.addressLine'), autoComplete: 'off' }}
            {...fieldState(e?.addressLine)}
          />
        </div>
        <div className="fr-fieldset__element">
          <CommuneField
            label="Commune de résidence"
            initialText={communeName ?? ''}
            chosenCode={watch('identity.communeCode')}
            error={e?.communeCode?.message}
            onChoose={(commune) => {
              setValue('identity.communeCode', commune?.code ?? '', { shouldDirty: true });
              const [onlyPostalCode, ...others] = commune?.postalCodes ?? [];
              if (onlyPostalCode && others.length === 0)
                setValue('identity.postalCode', onlyPostalCode, { shouldDirty: true });
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label="Code postal"
            hintText="5 chiffres."
            nativeInputProps={{
              ...register('identity.postalCode'),
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
            {...fieldState(e?.postalCode)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Téléphone mobile"
            hintText="10 chiffres, par exemple 06 12 34 56 78."
            nativeInputProps={{ ...register('identity.phoneMobile'), type: 'tel', autoComplete: 'off' }}
            {...fieldState(e?.phoneMobile)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Autre téléphone"
            nativeInputProps={{ ...register('identity.phoneOther'), type: 'tel', autoComplete: 'off' }}
            {...fieldState(e?.phoneOther)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Adresse électronique"
            hintText="Format attendu : nom@domaine.fr"
            nativeInputProps={{ ...register('identity.email'), type: 'email', autoComplete: 'off' }}
            {...fieldState(e?.email)}
          />
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Moyen de contact préféré"
            options={[
              ...contactChannels.map((channel) => ({
                label: contactChannelLabels[channel],
                nativeInputProps: { ...register('identity.preferredChannel'), value: channel },
              })),
              {
                label: 'Non précisé',
                nativeInputProps: { ...register('identity.preferredChannel'), value: '' },
              },
            ]}
            orientation="horizontal"
            {...fieldState(e?.preferredChannel)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Langue parlée"
            hintText="Si la personne préfère une autre langue que le français."
            nativeInputProps={{ ...register('identity.language'), autoComplete: 'off' }}
            {...fieldState(e?.language)}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h5">Identifiants (facultatif)</legend>
        <div className="fr-fieldset__element">
          <Input
            label="NIR (numéro de sécurité sociale)"
            hintText={
              nirMasked
                ? `Un NIR est enregistré (${nirMasked}). Pour le corriger, saisissez le nouveau NIR en entier : 15 caractères.`
                : '15 caractères, par exemple 2 82 02 75 123 456 25.'
            }
            nativeInputProps={{ ...register('identifiers.nir'), autoComplete: 'off', spellCheck: false }}
            {...fieldState(errors.identifiers?.nir)}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Select
            label="Organisme qui verse les prestations"
            nativeSelectProps={register('identifiers.benefitOrganism')}
            {...fieldState(errors.identifiers?.benefitOrganism)}
          >
            <option value="">Aucun ou inconnu</option>
            {benefitOrganisms.map((organism) => (
              <option key={organism} value={organism}>
                {benefitOrganismLabels[organism]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label="Matricule CAF ou MSA"
            hintText="7 chiffres."
            nativeInputProps={{
              ...register('identifiers.benefitMatricule'),
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
            {...fieldState(errors.identifiers?.benefitMatricule)}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Select
            label="Rôle dans le dossier CAF ou MSA"
            nativeSelectProps={register('identifiers.householdRole')}
            {...fieldState(errors.identifiers?.householdRole)}
          >
            <option value="">Inconnu</option>
            {householdRoles.map((role) => (
              <option key={role} value={role}>
                {householdRoleLabels[role]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Identifiant France Travail"
            hintText="8 à 11 lettres ou chiffres."
            nativeInputProps={{
              ...register('identifiers.franceTravailId'),
              autoComplete: 'off',
              spellCheck: false,
            }}
            {...fieldState(errors.identifiers?.franceTravailId)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Identifiant interne de votre structure"
            nativeInputProps={{ ...register('identifiers.internalId'), autoComplete: 'off' }}
            {...fieldState(errors.identifiers?.internalId)}
          />
        </div>
      </fieldset>
    </>
  );
}
