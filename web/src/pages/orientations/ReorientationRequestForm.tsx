import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { type Path, pathLabels, paths } from '@spie/contract/diagnostics';
import {
  type LeadKind,
  leadKindLabels,
  leadKindOrganisationKinds,
  leadKinds,
} from '@spie/contract/orientations';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { useOrganisationChoices } from '../people/people.queries';
import { useRequestReorientation } from './orientations.queries';

const requestForm = z.object({
  proposedPath: z.enum(paths, { message: 'Choisissez le parcours proposé.' }),
  proposedLeadKind: z.union([z.enum(leadKinds), z.literal('')]),
  proposedOrganisationId: z.string(),
  reason: z
    .string()
    .trim()
    .min(1, 'Indiquez pourquoi une autre orientation serait plus adaptée.')
    .max(1000, 'Motif : 1000 caractères au plus.'),
});
type RequestValues = z.infer<typeof requestForm>;
type RequestInput = Omit<RequestValues, 'proposedPath'> & { proposedPath: Path | '' };
const formPaths = ['proposedPath', 'proposedLeadKind', 'proposedOrganisationId', 'reason'] as const;

/** The référent·e asks the orientation managers for another orientation (they accept or refuse). */
export function ReorientationRequestForm({
  orientationId,
  currentPath,
  onDone,
  onCancel,
}: {
  orientationId: string;
  currentPath: Path | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<RequestInput, unknown, RequestValues>({
    resolver: zodResolver(requestForm) as never,
    defaultValues: { proposedPath: '', proposedLeadKind: '', proposedOrganisationId: '', reason: '' },
  });
  const { register, watch, setValue, formState, setError } = form;
  const errors = formState.errors;
  const request = useRequestReorientation();
  const organisations = useOrganisationChoices();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const leadKind = watch('proposedLeadKind') as LeadKind | '';
  const allowed = leadKind ? leadKindOrganisationKinds[leadKind] : [];
  const choices = (organisations.data?.items ?? []).filter((o) => allowed.includes(o.kind));

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await request.mutateAsync({
        orientationId,
        body: {
          reason: values.reason,
          proposedPath: values.proposedPath,
          proposedLeadKind: values.proposedLeadKind || null,
          proposedOrganisationId: values.proposedOrganisationId || null,
        },
      });
      onDone(
        'La demande de réorientation est envoyée à la cellule d’orientation. Vous verrez sa réponse dans « Réorientations ».',
      );
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="reorientation-title" className="fr-mt-2w spie-panel">
      <h3 id="reorientation-title" className="fr-h5" tabIndex={-1}>
        Demander une réorientation
      </h3>
      <p className="fr-text--sm">
        La cellule d’orientation examine votre demande. Tant qu’elle n’a pas répondu, l’orientation actuelle
        reste en vigueur. Les champs marqués d’un astérisque (*) sont obligatoires.
      </p>
      <ApiErrorAlert error={request.error} title="La demande n’a pas été envoyée" />
      <FieldErrorList fields={unmatched} />
      <RadioButtons
        id="reorientation-path"
        legend="Parcours proposé *"
        {...(currentPath ? { hintText: `Parcours actuel : ${pathLabels[currentPath]}.` } : {})}
        options={paths.map((path) => ({
          label: pathLabels[path],
          nativeInputProps: { ...register('proposedPath'), value: path },
        }))}
        {...fieldState(errors.proposedPath)}
      />
      <Select
        label="Type d’organisme proposé (facultatif)"
        nativeSelectProps={{
          ...register('proposedLeadKind', {
            onChange: () => setValue('proposedOrganisationId', ''),
          }),
          id: 'reorientation-lead-kind',
        }}
        {...fieldState(errors.proposedLeadKind)}
      >
        <option value="">Pas de préférence</option>
        {leadKinds.map((kind) => (
          <option key={kind} value={kind}>
            {leadKindLabels[kind]}
          </option>
        ))}
      </Select>
      <Select
        label="Organisme proposé (facultatif)"
        hint={leadKind ? undefined : 'Choisissez d’abord le type d’organisme.'}
        nativeSelectProps={{
          ...register('proposedOrganisationId'),
          id: 'reorientation-organisation',
          disabled: !leadKind,
        }}
        {...fieldState(errors.proposedOrganisationId)}
      >
        <option value="">{leadKind ? 'Pas de préférence' : 'Choisir d’abord le type d’organisme'}</option>
        {choices.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Motif de la demande *"
        hintText="Ce qui a changé dans la situation de la personne. 1000 caractères au plus. N’écrivez pas d’information de santé ou de justice."
        nativeTextAreaProps={{ ...register('reason'), id: 'reorientation-reason', rows: 3, maxLength: 1000 }}
        {...fieldState(errors.reason)}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={formState.isSubmitting}>
          Envoyer la demande
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
