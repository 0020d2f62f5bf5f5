import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import {
  adjustmentGroundLabels,
  adjustmentGrounds,
  adjustmentKindLabels,
  adjustmentKinds,
  type Contract,
} from '@spie/contract/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { formatDay, todayIso } from '../people/peopleFormat';
import { addMonthsIso, formatHours, freeTextHint, planEditable, plannedHoursOf } from './contractFormat';
import { useAddAdjustment, useRemoveAdjustment } from './contracts.queries';

/** The weekly target, the hours the plan's actions add up to, and reductions or waivers. */
export function AdjustmentsSection({
  contract,
  readOnly,
  onDone,
}: {
  contract: Contract;
  readOnly: boolean;
  onDone: (message: string) => void;
}) {
  const editable = !readOnly && planEditable(contract);
  const remove = useRemoveAdjustment(contract.id);
  const [adding, setAdding] = useState(false);
  const planned = plannedHoursOf(contract.objectives);

  useEffect(() => {
    if (adding) document.getElementById('adjustment-title')?.focus();
  }, [adding]);

  return (
    <section aria-labelledby="weekly-target-title" className="fr-mt-6w">
      <h3 id="weekly-target-title">Activité hebdomadaire attendue</h3>
      <dl className="spie-facts">
        <dt>Objectif par semaine</dt>
        <dd>{formatHours(contract.weeklyTargetHours)} par semaine</dd>
        <dt>Heures prévues par les actions</dt>
        <dd>
          {formatHours(planned)} par semaine (actions prévues ou en cours)
          {planned < contract.weeklyTargetHours && contract.adjustments.length === 0 && (
            <span className="spie-block fr-text--sm">
              C’est moins que l’objectif : ajoutez des actions, ou réduisez l’activité avec un motif légal.
            </span>
          )}
        </dd>
      </dl>

      <h4 className="fr-h6">Réductions et dispenses</h4>
      {contract.adjustments.length === 0 ? (
        <p className="spie-empty-state">Aucune réduction ni dispense.</p>
      ) : (
        <DataTable
          caption="Réductions et dispenses d’activité"
          headers={[
            'Aménagement',
            'Motif légal',
            'Heures par semaine',
            'Du',
            'Jusqu’au',
            'Enregistré par',
            ...(editable ? ['Retirer'] : []),
          ]}
          rows={contract.adjustments.map((adjustment) => ({
            key: adjustment.id,
            cells: [
              adjustmentKindLabels[adjustment.kind],
              <span key="ground">
                {adjustmentGroundLabels[adjustment.ground]}
                {adjustment.justification && (
                  <span className="spie-block fr-text--xs fr-mb-0">{adjustment.justification}</span>
                )}
              </span>,
              formatHours(adjustment.hours),
              formatDay(adjustment.startOn),
              formatDay(adjustment.endOn),
              `${adjustment.recordedBy.name}, le ${formatDay(adjustment.recordedAt)}`,
              ...(editable
                ? [
                    <Button
                      key="remove"
                      size="small"
                      priority="tertiary"
                      iconId="fr-icon-delete-line"
                      disabled={remove.isPending}
                      onClick={() =>
                        remove.mutate(adjustment.id, {
                          onSuccess: () => onDone('L’aménagement de l’activité est retiré.'),
                        })
                      }
                    >
                      Retirer
                      <span className="fr-sr-only">
                        {' '}
                        {adjustmentKindLabels[adjustment.kind]} jusqu’au {formatDay(adjustment.endOn)}
                      </span>
                    </Button>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      <ApiErrorAlert error={remove.error} title="L’aménagement n’a pas été retiré" />
      {editable && !adding && (
        <Button priority="secondary" onClick={() => setAdding(true)}>
          Réduire ou dispenser l’activité
        </Button>
      )}
      {editable && adding && (
        <AdjustmentForm
          contract={contract}
          onDone={(message) => {
            setAdding(false);
            onDone(message);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </section>
  );
}

const adjustmentForm = z
  .object({
    kind: z.enum(adjustmentKinds, { message: 'Réduction ou dispense ?' }),
    ground: z.union([z.enum(adjustmentGrounds), z.literal('')]),
    justification: z.string().trim().max(500, 'Justification : 500 caractères au plus.'),
    hours: z.number().or(z.nan()),
    startOn: z.string().min(1, 'Indiquez la date de début.'),
    endOn: z.string().min(1, 'Indiquez la date de fin : la réduction ou la dispense est toujours limitée.'),
  })
  .superRefine((v, ctx) => {
    if (!v.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: 'Choisissez le motif légal.' });
    if (v.ground === 'autre' && v.justification.length < 2)
      ctx.addIssue({ code: 'custom', path: ['justification'], message: 'Justifiez le motif « autre ».' });
    if (v.kind === 'reduction') {
      if (Number.isNaN(v.hours))
        ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Indiquez les heures par semaine.' });
      else if (v.hours < 0 || v.hours > 35)
        ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Entre 0 et 35 heures par semaine.' });
      else if (Math.round(v.hours * 4) !== v.hours * 4)
        ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Par quart d’heure (0,25).' });
    }
    if (v.startOn && v.endOn && v.endOn < v.startOn)
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'La fin doit être après le début.' });
  });
type AdjustmentValues = z.infer<typeof adjustmentForm>;

function AdjustmentForm({
  contract,
  onDone,
  onCancel,
}: {
  contract: Contract;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const start = contract.startOn && contract.startOn > todayIso() ? contract.startOn : todayIso();
  const form = useForm<AdjustmentValues>({
    resolver: zodResolver(adjustmentForm),
    defaultValues: {
      kind: 'reduction',
      ground: '',
      justification: '',
      hours: Number.NaN,
      startOn: start,
      endOn: addMonthsIso(start, 3),
    },
  });
  const { register, formState, setError, watch } = form;
  const errors = formState.errors;
  const kind = watch('kind');
  const ground = watch('ground');
  const add = useAddAdjustment(contract.id);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      await add.mutateAsync({
        kind: values.kind,
        ground: values.ground as (typeof adjustmentGrounds)[number],
        justification: values.justification.trim() || null,
        hours: values.kind === 'reduction' ? values.hours : null,
        startOn: values.startOn,
        endOn: values.endOn,
      });
      onDone(
        values.kind === 'reduction'
          ? `L’activité est réduite à ${formatHours(values.hours)} par semaine jusqu’au ${formatDay(values.endOn)}.`
          : `La personne est dispensée d’activité jusqu’au ${formatDay(values.endOn)}.`,
      );
    } catch (error) {
      setUnmatched(
        applyServerFieldErrors(error, setError, [
          'kind',
          'ground',
          'justification',
          'hours',
          'startOn',
          'endOn',
        ]),
      );
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="adjustment-title" className="spie-panel fr-mt-3w">
      <h4 id="adjustment-title" className="fr-h6" tabIndex={-1}>
        Réduire ou dispenser l’activité
      </h4>
      <p className="fr-text--sm">
        La loi permet de réduire les heures, ou de dispenser d’activité, pour un motif précis et pour une
        durée limitée. Les champs marqués d’un astérisque (*) sont obligatoires.
      </p>
      <ApiErrorAlert error={add.error} title="L’aménagement n’a pas été enregistré" />
      <FieldErrorList fields={unmatched} />
      <RadioButtons
        legend="Type *"
        options={adjustmentKinds.map((value) => ({
          label: adjustmentKindLabels[value],
          nativeInputProps: { ...register('kind'), value },
        }))}
        {...fieldState(errors.kind)}
      />
      <Select label="Motif légal *" nativeSelectProps={register('ground')} {...fieldState(errors.ground)}>
        <option value="" disabled>
          Choisir le motif
        </option>
        {adjustmentGrounds.map((value) => (
          <option key={value} value={value}>
            {adjustmentGroundLabels[value]}
          </option>
        ))}
      </Select>
      <Input
        textArea
        label={ground === 'autre' ? 'Justification *' : 'Justification (facultatif)'}
        hintText={freeTextHint}
        nativeTextAreaProps={{ ...register('justification'), rows: 2, maxLength: 500 }}
        {...fieldState(errors.justification)}
      />
      {kind === 'reduction' && (
        <Input
          label="Heures par semaine pendant la réduction *"
          nativeInputProps={{
            ...register('hours', { valueAsNumber: true }),
            type: 'number',
            min: 0,
            max: 35,
            step: 0.25,
            inputMode: 'decimal',
          }}
          {...fieldState(errors.hours)}
        />
      )}
      <div className="spie-filters">
        <Input
          label="Du *"
          nativeInputProps={{ ...register('startOn'), type: 'date' }}
          {...fieldState(errors.startOn)}
        />
        <Input
          label="Jusqu’au *"
          nativeInputProps={{ ...register('endOn'), type: 'date' }}
          {...fieldState(errors.endOn)}
        />
      </div>
      <div className="spie-actions">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Envoi en cours…' : 'Enregistrer l’aménagement'}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
