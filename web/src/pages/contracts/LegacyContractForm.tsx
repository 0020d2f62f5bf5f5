import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import { contractKindLabels, legacyContractKinds } from '@spie/contract/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { useOrganisationChoices } from '../people/people.queries';
import { todayIso } from '../people/peopleFormat';
import { freeTextHint } from './contractFormat';
import { useRecordLegacyContract } from './contracts.queries';

/** Value of « the organisation is not in SPIE » in the organisation list. */
const OUTSIDE = '__hors_spie';

const legacyForm = z
  .object({
    kind: z.union([z.enum(legacyContractKinds), z.literal('')]),
    organisationId: z.string(),
    organisationName: z.string().trim().max(150, 'Structure : 150 caractères au plus.'),
    startOn: z.string().min(1, 'Indiquez la date de début.'),
    endOn: z.string(),
    signedOn: z.string(),
    running: z.boolean(),
    note: z.string().trim().max(500, 'Observation : 500 caractères au plus.'),
  })
  .superRefine((v, ctx) => {
    if (!v.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Choisissez le type de contrat.' });
    if (v.organisationId === OUTSIDE && v.organisationName.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['organisationName'],
        message: 'Indiquez le nom de la structure.',
      });
    if (v.endOn && v.startOn && v.endOn < v.startOn)
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'La fin doit être après le début.' });
    if (!v.running && !v.endOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endOn'],
        message: 'Indiquez la fin, ou cochez « toujours en cours ».',
      });
    if (v.startOn > todayIso())
      ctx.addIssue({ code: 'custom', path: ['startOn'], message: 'Un ancien contrat a déjà commencé.' });
  });
type LegacyValues = z.infer<typeof legacyForm>;

/** Records an older contract (PPAE, CER, CEJ, PACEA) in the person's history. */
export function LegacyContractForm({
  personId,
  onDone,
  onCancel,
}: {
  personId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<LegacyValues>({
    resolver: zodResolver(legacyForm),
    defaultValues: {
      kind: '',
      organisationId: '',
      organisationName: '',
      startOn: '',
      endOn: '',
      signedOn: '',
      running: false,
      note: '',
    },
  });
  const { register, formState, setError, watch } = form;
  const errors = formState.errors;
  const organisationId = watch('organisationId');
  const organisations = useOrganisationChoices();
  const record = useRecordLegacyContract(personId);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    const outside = values.organisationId === OUTSIDE;
    try {
      await record.mutateAsync({
        kind: values.kind as (typeof legacyContractKinds)[number],
        organisationId: outside || !values.organisationId ? null : values.organisationId,
        organisationName: outside ? values.organisationName.trim() : null,
        startOn: values.startOn,
        endOn: values.endOn || null,
        signedOn: values.signedOn || null,
        running: values.running,
        note: values.note.trim() || null,
      });
      onDone(
        values.running
          ? 'L’ancien contrat est enregistré, toujours en cours : vous pourrez le convertir en contrat d’engagement.'
          : 'L’ancien contrat est enregistré dans l’historique.',
      );
    } catch (error) {
      setUnmatched(
        applyServerFieldErrors(error, setError, [
          'kind',
          'organisationId',
          'organisationName',
          'startOn',
          'endOn',
          'signedOn',
          'running',
          'note',
        ]),
      );
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="legacy-title" className="spie-panel fr-mt-3w">
      <h4 id="legacy-title" className="fr-h6" tabIndex={-1}>
        Enregistrer un ancien contrat (PPAE, CER, CEJ, PACEA)
      </h4>
      <p className="fr-text--sm">
        Pour garder la trace d’un contrat signé avant le contrat d’engagement. Les champs marqués d’un
        astérisque (*) sont obligatoires.
      </p>
      <ApiErrorAlert error={record.error} title="L’ancien contrat n’a pas été enregistré" />
      <FieldErrorList fields={unmatched} />
      <Select label="Type de contrat *" nativeSelectProps={register('kind')} {...fieldState(errors.kind)}>
        <option value="" disabled>
          Choisir le type
        </option>
        {legacyContractKinds.map((kind) => (
          <option key={kind} value={kind}>
            {contractKindLabels[kind]}
          </option>
        ))}
      </Select>
      <Select
        label="Structure"
        nativeSelectProps={register('organisationId')}
        {...fieldState(errors.organisationId)}
      >
        <option value="">Non précisée</option>
        {(organisations.data?.items ?? []).map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
        <option value={OUTSIDE}>Une structure qui n’est pas dans SPIE</option>
      </Select>
      {organisationId === OUTSIDE && (
        <Input
          label="Nom de la structure *"
          nativeInputProps={{ ...register('organisationName'), maxLength: 150 }}
          {...fieldState(errors.organisationName)}
        />
      )}
      <div className="spie-filters">
        <Input
          label="Début *"
          nativeInputProps={{ ...register('startOn'), type: 'date', max: todayIso() }}
          {...fieldState(errors.startOn)}
        />
        <Input
          label="Fin"
          nativeInputProps={{ ...register('endOn'), type: 'date' }}
          {...fieldState(errors.endOn)}
        />
        <Input
          label="Signé le (facultatif)"
          nativeInputProps={{ ...register('signedOn'), type: 'date', max: todayIso() }}
          {...fieldState(errors.signedOn)}
        />
      </div>
      <Checkbox
        options={[
          {
            label: 'Ce contrat est toujours en cours',
            hintText: 'Vous pourrez ensuite le convertir en contrat d’engagement.',
            nativeInputProps: register('running'),
          },
        ]}
      />
      <Input
        textArea
        label="Observation (facultatif)"
        hintText={freeTextHint}
        nativeTextAreaProps={{ ...register('note'), rows: 2, maxLength: 500 }}
        {...fieldState(errors.note)}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={record.isPending}>
          {record.isPending ? 'Envoi en cours…' : 'Enregistrer l’ancien contrat'}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
