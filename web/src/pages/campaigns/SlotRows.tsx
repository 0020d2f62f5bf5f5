import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Professional } from '@spie/contract/territories';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { fieldState } from '../../components/fieldState';
import { parisToday } from '../appointments/appointmentFormat';
import { type CampaignFormValues, emptySlot } from './campaignForm';

/** « Créneaux proposés »: one fieldset per slot (date, time, duration, place, places, who). */
export function SlotRows({
  control,
  register,
  errors,
  professionals,
  defaultProfessionalId,
  getLast,
}: {
  control: Control<CampaignFormValues>;
  register: UseFormRegister<CampaignFormValues>;
  errors: FieldErrors<CampaignFormValues>;
  professionals: Professional[];
  defaultProfessionalId: string;
  getLast: () => CampaignFormValues['slots'][number] | undefined;
}) {
  const slots = useFieldArray({ control, name: 'slots' });

  const add = () => {
    slots.append(emptySlot(getLast(), defaultProfessionalId), {
      shouldFocus: true,
      focusName: `slots.${slots.fields.length}.time`,
    });
  };

  return (
    <>
      {professionals.length === 0 && slots.fields.length > 0 && (
        <p className="fr-text--sm">
          Aucun professionnel à choisir dans cette structure pour recevoir les personnes. Choisissez la
          structure des personnes invitées (étape 1), ou demandez à l’administrateur d’y rattacher les
          professionnels.
        </p>
      )}
      {slots.fields.length === 0 && (
        <p className="spie-empty-state">
          Aucun créneau proposé : la personne pourra seulement demander à être rappelée.
        </p>
      )}
      {slots.fields.map((field, index) => {
        const rowErrors = errors.slots?.[index];
        const n = index + 1;
        return (
          <fieldset
            key={field.id}
            className="fr-fieldset spie-slot"
            aria-labelledby={`slot-${field.id}-legend`}
          >
            <legend id={`slot-${field.id}-legend`} className="fr-fieldset__legend fr-text--bold">
              Créneau {n}
            </legend>
            <div className="spie-filters spie-slot__fields">
              <Input
                label="Date *"
                nativeInputProps={{
                  ...register(`slots.${index}.date`),
                  id: `slot-${field.id}-date`,
                  type: 'date',
                  min: parisToday(),
                }}
                {...fieldState(rowErrors?.date)}
              />
              <Input
                label="Heure *"
                nativeInputProps={{
                  ...register(`slots.${index}.time`),
                  id: `slot-${field.id}-time`,
                  type: 'time',
                }}
                {...fieldState(rowErrors?.time)}
              />
              <Input
                label="Durée (en minutes) *"
                nativeInputProps={{
                  ...register(`slots.${index}.durationMinutes`, { valueAsNumber: true }),
                  id: `slot-${field.id}-duration`,
                  type: 'number',
                  min: 10,
                  max: 480,
                  step: 5,
                }}
                {...fieldState(rowErrors?.durationMinutes)}
              />
              <Input
                label="Nombre de places *"
                hintText="Personnes reçues sur ce créneau"
                nativeInputProps={{
                  ...register(`slots.${index}.capacity`, { valueAsNumber: true }),
                  id: `slot-${field.id}-capacity`,
                  type: 'number',
                  min: 1,
                  max: 50,
                }}
                {...fieldState(rowErrors?.capacity)}
              />
            </div>
            <div className="spie-filters spie-slot__fields">
              <Input
                label="Lieu *"
                hintText="L’adresse telle que la personne la lira"
                nativeInputProps={{
                  ...register(`slots.${index}.address`),
                  id: `slot-${field.id}-address`,
                  maxLength: 300,
                  autoComplete: 'off',
                }}
                {...fieldState(rowErrors?.address)}
              />
              <Select
                // Re-registered once the list is there, so the chosen professional shows.
                key={professionals.length}
                label="Professionnel·le qui reçoit *"
                nativeSelectProps={{
                  ...register(`slots.${index}.professionalAccountId`),
                  id: `slot-${field.id}-professional`,
                }}
                {...fieldState(rowErrors?.professionalAccountId)}
              >
                <option value="" disabled>
                  Choisir
                </option>
                {professionals.map((p) => (
                  <option key={p.accountId} value={p.accountId}>
                    {p.firstName} {p.lastName}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={() => {
                slots.remove(index);
                document.getElementById('slots-add')?.focus();
              }}
            >
              Retirer le créneau {n}
            </Button>
          </fieldset>
        );
      })}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        nativeButtonProps={{ id: 'slots-add' }}
        onClick={add}
        disabled={slots.fields.length >= 200}
      >
        Ajouter un créneau
      </Button>
      <p className="fr-text--sm fr-mt-1w">
        Le nouveau créneau reprend le jour, le lieu, la durée et le professionnel du précédent : il reste à
        changer l’heure.
      </p>
    </>
  );
}
