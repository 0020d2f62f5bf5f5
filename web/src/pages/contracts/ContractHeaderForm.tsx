import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import type { Contract } from '@spie/contract/contracts';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { formatDateTime } from '../../components/formatDate';
import { formatDay } from '../people/peopleFormat';
import { VersionConflictAlert } from '../people/VersionConflictAlert';
import {
  formatHours,
  freeTextHint,
  fromDateTimeInput,
  reviewExtensionReasonLabels,
  reviewExtensionReasons,
  toDateTimeInput,
} from './contractFormat';
import { useUpdateContract } from './contracts.queries';

const headerForm = z
  .object({
    startOn: z.string().min(1, 'Indiquez la date de début.'),
    endOn: z.string().min(1, 'Indiquez la date de fin.'),
    weeklyTargetHours: z
      .number({ message: 'Indiquez un nombre d’heures.' })
      .min(0, 'Pas de valeur négative.')
      .max(35, 'Au plus 35 heures par semaine.')
      .multipleOf(0.25, 'Par quart d’heure (0,25).'),
    commitments: z
      .array(
        z.object({
          text: z
            .string()
            .trim()
            .min(2, 'Engagement : au moins 2 caractères.')
            .max(300, 'Engagement : 300 caractères au plus.'),
        }),
      )
      .max(10, 'Au plus 10 engagements de la structure.'),
    appointmentAt: z.string(),
    appointmentPlace: z.string().trim().max(200, 'Lieu : 200 caractères au plus.'),
    reviewExtensionReason: z.union([z.enum(reviewExtensionReasons), z.literal('')]),
    note: z.string().trim().max(500, 'Observation : 500 caractères au plus.'),
  })
  .refine((v) => !v.startOn || !v.endOn || v.endOn > v.startOn, {
    message: 'La fin doit être après le début.',
    path: ['endOn'],
  })
  .refine((v) => !v.appointmentAt || v.appointmentPlace.length >= 2, {
    message: 'Indiquez le lieu du rendez-vous.',
    path: ['appointmentPlace'],
  })
  .refine((v) => v.appointmentAt || !v.appointmentPlace, {
    message: 'Indiquez la date et l’heure du rendez-vous.',
    path: ['appointmentAt'],
  });
type HeaderValues = z.infer<typeof headerForm>;

/** Server paths of the update body → form fields. */
function formPathOf(path: string): string {
  const commitment = /^organisationCommitments\.(\d+)/.exec(path);
  if (commitment) return `commitments.${commitment[1]}.text`;
  if (path === 'nextAppointment.at') return 'appointmentAt';
  if (path === 'nextAppointment.place') return 'appointmentPlace';
  if (path === 'organisationCommitments') return 'commitments';
  return path;
}

const valuesOf = (contract: Contract): HeaderValues => ({
  startOn: contract.startOn ?? '',
  endOn: contract.endOn ?? '',
  weeklyTargetHours: contract.weeklyTargetHours,
  commitments: contract.organisationCommitments.map((text) => ({ text })),
  appointmentAt: toDateTimeInput(contract.nextAppointment?.at),
  appointmentPlace: contract.nextAppointment?.place ?? '',
  reviewExtensionReason: (contract.reviewExtensionReason ?? '') as HeaderValues['reviewExtensionReason'],
  note: contract.note ?? '',
});

/**
 * Dates, weekly activity, what the organisation commits to and the next appointment. Editable
 * while the contract is a draft or under revision; otherwise shown as facts.
 */
export function ContractHeaderSection({
  contract,
  editable,
  onDone,
  onReload,
}: {
  contract: Contract;
  editable: boolean;
  onDone: (message: string) => void;
  onReload: () => void;
}) {
  return (
    <section aria-labelledby="contract-header-title" className="fr-mt-6w">
      <h3 id="contract-header-title">Dates, activité et engagements de la structure</h3>
      {editable ? (
        <HeaderForm key={contract.revision} contract={contract} onDone={onDone} onReload={onReload} />
      ) : (
        <HeaderFacts contract={contract} />
      )}
    </section>
  );
}

function HeaderFacts({ contract }: { contract: Contract }) {
  return (
    <>
      <dl className="spie-facts">
        <dt>Du</dt>
        <dd>{formatDay(contract.startOn)}</dd>
        <dt>Au</dt>
        <dd>{formatDay(contract.endOn)}</dd>
        <dt>Activité par semaine</dt>
        <dd>{formatHours(contract.weeklyTargetHours)}</dd>
        <dt>Prochain rendez-vous</dt>
        <dd>
          {contract.nextAppointment
            ? `${formatDateTime(contract.nextAppointment.at)} — ${contract.nextAppointment.place}`
            : 'Pas de rendez-vous prévu.'}
        </dd>
        {contract.reviewExtensionReason && (
          <>
            <dt>Révision à 12 mois</dt>
            <dd>
              {reviewExtensionReasonLabels[
                contract.reviewExtensionReason as keyof typeof reviewExtensionReasonLabels
              ] ?? contract.reviewExtensionReason}
            </dd>
          </>
        )}
        {contract.note && (
          <>
            <dt>Observation</dt>
            <dd>{contract.note}</dd>
          </>
        )}
      </dl>
      <h4 className="fr-h6">La structure s’engage à</h4>
      {contract.organisationCommitments.length === 0 ? (
        <p className="spie-empty-state">Aucun engagement écrit.</p>
      ) : (
        <ul>
          {contract.organisationCommitments.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {contract.status !== 'termine' && contract.status !== 'renouvele' && (
        <p className="fr-text--sm">
          Pour changer ces informations sur un contrat signé, ouvrez une révision (avenant).
        </p>
      )}
    </>
  );
}

function HeaderForm({
  contract,
  onDone,
  onReload,
}: {
  contract: Contract;
  onDone: (message: string) => void;
  onReload: () => void;
}) {
  const form = useForm<HeaderValues>({
    resolver: zodResolver(headerForm),
    defaultValues: valuesOf(contract),
  });
  const { register, formState, setError, control } = form;
  const errors = formState.errors;
  const commitments = useFieldArray({ control, name: 'commitments' });
  const update = useUpdateContract(contract.id);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const conflict = isApiError(update.error) && update.error.status === 409;

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    const at = fromDateTimeInput(values.appointmentAt);
    try {
      await update.mutateAsync({
        revision: contract.revision,
        startOn: values.startOn,
        endOn: values.endOn,
        weeklyTargetHours: values.weeklyTargetHours,
        organisationCommitments: values.commitments.map((c) => c.text.trim()),
        nextAppointment: at ? { at, place: values.appointmentPlace.trim() } : null,
        reviewExtensionReason: values.reviewExtensionReason || null,
        note: values.note.trim() || null,
      });
      onDone('Les informations du contrat sont enregistrées.');
    } catch (error) {
      if (!isApiError(error)) return;
      const rest: FieldError[] = [];
      let first = true;
      for (const field of error.fields) {
        const path = formPathOf(field.path);
        if (path in form.getValues() || path.startsWith('commitments.')) {
          setError(path as never, { type: 'server', message: field.message }, { shouldFocus: first });
          first = false;
        } else rest.push(field);
      }
      setUnmatched(rest);
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="contract-header-title">
      {conflict ? (
        <VersionConflictAlert error={update.error} onReload={onReload} />
      ) : (
        <ApiErrorAlert error={update.error} title="Les informations n’ont pas été enregistrées" />
      )}
      <FieldErrorList fields={unmatched} />
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <div className="spie-filters">
        <Input
          label="Début du contrat *"
          nativeInputProps={{ ...register('startOn'), type: 'date' }}
          {...fieldState(errors.startOn)}
        />
        <Input
          label="Fin du contrat *"
          nativeInputProps={{ ...register('endOn'), type: 'date' }}
          {...fieldState(errors.endOn)}
        />
        <Input
          label="Heures d’activité par semaine *"
          hintText="15 h en général. Pour réduire ou dispenser, utilisez « Réduire ou dispenser l’activité »."
          nativeInputProps={{
            ...register('weeklyTargetHours', { valueAsNumber: true }),
            type: 'number',
            min: 0,
            max: 35,
            step: 0.25,
            inputMode: 'decimal',
          }}
          {...fieldState(errors.weeklyTargetHours)}
        />
      </div>

      <fieldset className="fr-fieldset" aria-describedby="commitments-hint">
        <legend className="fr-fieldset__legend">La structure s’engage à</legend>
        <p id="commitments-hint" className="fr-hint-text fr-fieldset__element">
          Une phrase courte par engagement (10 au plus). {freeTextHint}
        </p>
        {errors.commitments?.message && (
          <p className="fr-error-text fr-fieldset__element">{errors.commitments.message}</p>
        )}
        {commitments.fields.map((field, index) => (
          <div key={field.id} className="fr-fieldset__element">
            <Input
              label={`Engagement ${index + 1}`}
              nativeInputProps={{
                ...register(`commitments.${index}.text`),
                maxLength: 300,
                autoComplete: 'off',
              }}
              {...fieldState(errors.commitments?.[index]?.text)}
            />
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={() => commitments.remove(index)}
            >
              Retirer l’engagement {index + 1}
            </Button>
          </div>
        ))}
        {commitments.fields.length < 10 && (
          <div className="fr-fieldset__element">
            <Button
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-add-line"
              onClick={() => commitments.append({ text: '' })}
            >
              Ajouter un engagement de la structure
            </Button>
          </div>
        )}
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Prochain rendez-vous (facultatif)</legend>
        <div className="fr-fieldset__element">
          <Input
            label="Date et heure"
            nativeInputProps={{ ...register('appointmentAt'), type: 'datetime-local' }}
            {...fieldState(errors.appointmentAt)}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Lieu"
            hintText="Par exemple : agence, adresse, ou « par téléphone »."
            nativeInputProps={{ ...register('appointmentPlace'), maxLength: 200 }}
            {...fieldState(errors.appointmentPlace)}
          />
        </div>
      </fieldset>

      {contract.path === 'social' && (
        <Select
          label="Révision à 12 mois au lieu de 6 (parcours social, facultatif)"
          hint="Choisissez le motif seulement si la situation le justifie."
          nativeSelectProps={register('reviewExtensionReason')}
          {...fieldState(errors.reviewExtensionReason)}
        >
          <option value="">Non : révision à 6 mois</option>
          {reviewExtensionReasons.map((reason) => (
            <option key={reason} value={reason}>
              {reviewExtensionReasonLabels[reason]}
            </option>
          ))}
        </Select>
      )}
      <Input
        textArea
        label="Observation (facultatif)"
        hintText={freeTextHint}
        nativeTextAreaProps={{ ...register('note'), rows: 2, maxLength: 500 }}
        {...fieldState(errors.note)}
      />
      <Button type="submit" priority="secondary" disabled={update.isPending}>
        {update.isPending ? 'Enregistrement…' : 'Enregistrer les informations du contrat'}
      </Button>
    </form>
  );
}
