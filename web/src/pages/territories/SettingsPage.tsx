import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  type GeneralSettingKey,
  settingLabels,
  type Territory,
  territorySettings,
} from '@spie/contract/territories';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldState } from '../../components/fieldState';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { useTerritory, useUpdateSettings } from './territory.queries';

type SettingsValues = z.input<typeof territorySettings>;
const settingKeys = Object.keys(settingLabels) as GeneralSettingKey[];

export function SettingsPage() {
  const territory = useTerritory();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  return (
    <>
      <PageBreadcrumb current="Paramètres du territoire" />
      <PageHeading title="Paramètres du territoire" />
      <p>
        Ces délais et seuils s’appliquent à toutes les structures du territoire. Les valeurs proposées par
        défaut sont les valeurs nationales.
      </p>
      {territory.isPending && <Loading />}
      <ApiErrorAlert error={territory.error} title="Les paramètres n’ont pas pu être chargés" />
      {savedAt && <SuccessAlert key={savedAt} title="Les paramètres sont enregistrés." />}
      {territory.data && (
        <SettingsForm
          key={territory.data.version}
          territory={territory.data}
          onSaved={() => setSavedAt(Date.now())}
        />
      )}
    </>
  );
}

function SettingsForm({ territory, onSaved }: { territory: Territory; onSaved: () => void }) {
  const form = useForm<SettingsValues, unknown, SettingsValues>({
    resolver: zodResolver(territorySettings, undefined, { raw: true }),
    defaultValues: territory.settings,
  });
  const update = useUpdateSettings();
  const [serverError, setServerError] = useState<unknown>(null);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (settings) => {
    setServerError(null);
    try {
      await update.mutateAsync({ settings, version: territory.version });
      onSaved();
    } catch (error) {
      setServerError(error);
      applyServerFieldErrors(error, form.setError, settingKeys, 'settings');
    }
  });
  const conflict = isApiError(serverError) && serverError.kind === 'conflict';

  return (
    <form onSubmit={submit} noValidate>
      {conflict ? (
        <div className="fr-mb-3w">
          <ApiErrorAlert
            error={serverError}
            title="Les paramètres ont été modifiés par quelqu’un d’autre pendant que vous les changiez"
          />
          <Button type="button" priority="secondary" onClick={() => window.location.reload()}>
            Recharger la page
          </Button>
        </div>
      ) : (
        <ApiErrorAlert error={serverError} title="Les paramètres n’ont pas été enregistrés" />
      )}
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Territoire {territory.name}</legend>
        {settingKeys.map((key) => {
          const { label, unit, hint } = settingLabels[key];
          if (key === 'orientationValidationStep') {
            // The only yes/no setting: a checkbox, not a number.
            return (
              <div key={key} className="fr-fieldset__element">
                <Checkbox
                  id="setting-orientation-validation-step"
                  options={[
                    {
                      label,
                      hintText: hint,
                      nativeInputProps: form.register(key),
                    },
                  ]}
                  {...fieldState(errors[key])}
                />
              </div>
            );
          }
          return (
            <div key={key} className="fr-fieldset__element">
              <Input
                label={`${label} (en ${unit})`}
                hintText={hint}
                nativeInputProps={{
                  ...form.register(key, { valueAsNumber: true }),
                  type: 'number',
                  inputMode: key === 'weeklyActivityHours' ? 'decimal' : 'numeric',
                  step: key === 'weeklyActivityHours' ? 0.5 : 1,
                  min: 0,
                }}
                {...fieldState(errors[key])}
              />
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Enregistrer les paramètres
      </Button>
    </form>
  );
}
