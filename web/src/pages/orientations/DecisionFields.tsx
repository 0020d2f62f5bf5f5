import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { type Path, pathLabels, paths } from '@spie/contract/diagnostics';
import {
  type LeadKind,
  leadKindLabels,
  leadKindOrganisationKinds,
  leadKinds,
} from '@spie/contract/orientations';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldState } from '../../components/fieldState';
import { useOrganisationChoices, useOrganisationProfessionals } from '../people/people.queries';

/** The form's own rules, in French; the server checks them again (organisation kind, référent…). */
export const decisionForm = z.object({
  path: z.enum(paths, { message: 'Choisissez le parcours.' }),
  leadKind: z.enum(leadKinds, { message: 'Choisissez le type d’organisme référent.' }),
  organisationId: z.string().min(1, 'Choisissez l’organisme référent.'),
  referentAccountId: z.string(),
  reason: z
    .string()
    .trim()
    .min(1, 'Indiquez le motif de la décision.')
    .max(1000, 'Motif : 1000 caractères au plus.'),
});
export type DecisionFormValues = z.infer<typeof decisionForm>;
/** Inputs before validation: radios start empty. */
export type DecisionFormInput = Omit<DecisionFormValues, 'path' | 'leadKind'> & {
  path: Path | '';
  leadKind: LeadKind | '';
};
export const decisionFormPaths = [
  'path',
  'leadKind',
  'organisationId',
  'referentAccountId',
  'reason',
] as const;

export function useDecisionForm(defaults: Partial<DecisionFormInput>) {
  return useForm<DecisionFormInput, unknown, DecisionFormValues>({
    resolver: zodResolver(decisionForm) as never,
    defaultValues: {
      path: '',
      leadKind: '',
      organisationId: '',
      referentAccountId: '',
      reason: '',
      ...defaults,
    },
  });
}

/** The body the contract expects (`decisionFields`): an empty référent is « none ». */
export function toDecisionBody(values: DecisionFormValues) {
  return {
    path: values.path,
    leadKind: values.leadKind,
    organisationId: values.organisationId,
    referentAccountId: values.referentAccountId || null,
    reason: values.reason,
  };
}

/**
 * Path, lead organisation kind, organisation (of the territory, of a kind the lead kind allows),
 * optional référent among its professionals, and the reason. `recommendedPath` is marked.
 */
export function DecisionFields({
  form,
  idPrefix,
  recommendedPath,
  reasonHint = 'Ce motif est conservé dans l’historique de la personne. 1000 caractères au plus.',
}: {
  form: UseFormReturn<DecisionFormInput, unknown, DecisionFormValues>;
  idPrefix: string;
  /** Undefined: no recommendation applies (a reorientation); null: no diagnostic yet. */
  recommendedPath?: Path | null | undefined;
  reasonHint?: string;
}) {
  const { register, watch, setValue, formState } = form;
  const errors = formState.errors;
  const leadKind = watch('leadKind');
  const organisationId = watch('organisationId');
  const organisations = useOrganisationChoices();
  const professionals = useOrganisationProfessionals(organisationId || undefined);
  const allowedKinds = leadKind ? leadKindOrganisationKinds[leadKind] : [];
  const choices = (organisations.data?.items ?? []).filter((o) => allowedKinds.includes(o.kind));
  const people = professionals.data?.items ?? [];
  const revalidate = { shouldValidate: formState.isSubmitted };

  return (
    <>
      <ApiErrorAlert error={organisations.error} title="Les structures n’ont pas pu être chargées" />
      <RadioButtons
        id={`${idPrefix}-path`}
        legend="Parcours *"
        {...(recommendedPath === undefined
          ? {}
          : {
              hintText: recommendedPath
                ? `Le parcours recommandé d’après le diagnostic est « ${pathLabels[recommendedPath]} ».`
                : 'Pas encore de diagnostic : aucun parcours n’est recommandé.',
            })}
        options={paths.map((path) => ({
          label: path === recommendedPath ? `${pathLabels[path]} (recommandé)` : pathLabels[path],
          nativeInputProps: { ...register('path'), value: path },
        }))}
        {...fieldState(errors.path)}
      />
      <RadioButtons
        id={`${idPrefix}-lead-kind`}
        legend="Type d’organisme référent *"
        options={leadKinds.map((kind) => ({
          label: leadKindLabels[kind],
          nativeInputProps: {
            ...register('leadKind', {
              onChange: () => {
                setValue('organisationId', '', revalidate);
                setValue('referentAccountId', '');
              },
            }),
            value: kind,
          },
        }))}
        {...fieldState(errors.leadKind)}
      />
      <Select
        label="Organisme référent *"
        hint={leadKind ? undefined : 'Choisissez d’abord le type d’organisme référent.'}
        nativeSelectProps={{
          ...register('organisationId', { onChange: () => setValue('referentAccountId', '') }),
          id: `${idPrefix}-organisation`,
          required: true,
        }}
        {...fieldState(errors.organisationId)}
      >
        <option value="">
          {!leadKind
            ? 'Choisir d’abord le type d’organisme'
            : organisations.isPending
              ? 'Chargement…'
              : choices.length === 0
                ? 'Aucune structure de ce type sur le territoire'
                : 'Choisir un organisme'}
        </option>
        {choices.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
            {organisation.address.communeName ? ` — ${organisation.address.communeName}` : ''}
          </option>
        ))}
      </Select>
      <Select
        label="Référent·e (facultatif)"
        hint="Sinon, le ou la responsable de la structure le ou la désignera."
        nativeSelectProps={{ ...register('referentAccountId'), id: `${idPrefix}-referent` }}
        {...(professionals.error
          ? {
              state: 'error' as const,
              stateRelatedMessage: isApiError(professionals.error)
                ? professionals.error.message
                : 'Les professionnels de cette structure n’ont pas pu être chargés.',
            }
          : fieldState(errors.referentAccountId))}
      >
        <option value="">
          {!organisationId
            ? 'Choisir d’abord l’organisme'
            : professionals.isPending
              ? 'Chargement…'
              : 'Pas de référent·e pour l’instant'}
        </option>
        {people.map((professional) => (
          <option key={professional.accountId} value={professional.accountId}>
            {professional.firstName} {professional.lastName}
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Motif de la décision *"
        hintText={reasonHint}
        nativeTextAreaProps={{ ...register('reason'), id: `${idPrefix}-reason`, rows: 3, maxLength: 1000 }}
        {...fieldState(errors.reason)}
      />
    </>
  );
}
