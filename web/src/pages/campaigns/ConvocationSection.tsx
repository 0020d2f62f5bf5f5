import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import type { Campaign } from '@spie/contract/campaigns';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { parisNowLocal, parisToday } from '../appointments/appointmentFormat';
import { applyMappedFieldErrors } from '../appointments/mappedFieldErrors';
import { useOrganisationProfessionals } from '../people/people.queries';
import { dayInWords } from '../signature/signatureFormat';
import { type ConvocationFormValues, convocationForm, toConvocationBody } from './campaignForm';
import { campaignFormPath, convocationResultWords, plural } from './campaignFormat';
import { useConvoke } from './campaigns.queries';

const paths = [
  'firstDate',
  'firstTime',
  'intervalMinutes',
  'durationMinutes',
  'dayEndsAt',
  'address',
  'professionalAccountId',
];

/**
 * « Convoquer les personnes sans réponse »: once the invitations have expired, each person who
 * did not answer receives one appointment, the first at the given time, then one every N minutes.
 */
export function ConvocationSection({
  campaign,
  onDone,
}: {
  campaign: Campaign;
  onDone: (message: string) => void;
}) {
  const convoke = useConvoke(campaign.id);
  const professionals = useOrganisationProfessionals(campaign.organisation.id);
  const schema = useMemo(() => convocationForm(() => parisNowLocal()), []);
  const firstSlot = campaign.slots[0];
  const form = useForm<ConvocationFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      firstDate: '',
      firstTime: '09:00',
      intervalMinutes: 30,
      durationMinutes: 30,
      dayEndsAt: '17:00',
      address: firstSlot?.address ?? '',
      professionalAccountId: firstSlot?.professional.accountId ?? '',
    },
  });
  const { register, formState, setError } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const waiting = campaign.counts.noAnswer;

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      const result = await convoke.mutateAsync(toConvocationBody(values));
      onDone(convocationResultWords(result));
    } catch (error) {
      setUnmatched(applyMappedFieldErrors(error, setError, (p) => paths.includes(p), campaignFormPath));
    }
  });

  return (
    <section aria-labelledby="report-convocation" className="spie-campaign-step">
      <h2 id="report-convocation">Convoquer les personnes sans réponse</h2>
      {waiting === 0 ? (
        <p>
          Personne n’est « sans réponse » pour l’instant. Les personnes qui n’auront pas répondu à la fin de
          l’invitation (le {dayInWords(campaign.expiresOn)}) pourront être convoquées ici.
        </p>
      ) : (
        <form noValidate onSubmit={submit} aria-labelledby="report-convocation">
          <p>
            {plural(waiting, 'personne n’a', 'personnes n’ont')} pas répondu à l’invitation.{' '}
            {waiting > 1 ? 'Chacune reçoit' : 'Elle reçoit'} une convocation à un rendez-vous, par son moyen
            de contact préféré. Le premier rendez-vous est à la date et à l’heure choisies, les suivants
            s’enchaînent jusqu’à l’heure du dernier rendez-vous de la journée, puis le jour ouvré suivant.
          </p>
          <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
          <ApiErrorAlert error={convoke.error} title="Les convocations n’ont pas été envoyées" />
          <FieldErrorList fields={unmatched} />
          <div className="spie-filters">
            <Input
              label="Date du premier rendez-vous *"
              nativeInputProps={{
                ...register('firstDate'),
                id: 'convocation-date',
                type: 'date',
                min: parisToday(),
              }}
              {...fieldState(errors.firstDate)}
            />
            <Input
              label="Heure du premier rendez-vous *"
              nativeInputProps={{ ...register('firstTime'), id: 'convocation-time', type: 'time' }}
              {...fieldState(errors.firstTime)}
            />
            <Input
              label="Heure du dernier rendez-vous de la journée *"
              nativeInputProps={{ ...register('dayEndsAt'), id: 'convocation-day-end', type: 'time' }}
              {...fieldState(errors.dayEndsAt)}
            />
          </div>
          <div className="spie-filters">
            <Input
              label="Minutes entre deux rendez-vous *"
              nativeInputProps={{
                ...register('intervalMinutes', { valueAsNumber: true }),
                id: 'convocation-interval',
                type: 'number',
                min: 10,
                max: 240,
                step: 5,
              }}
              {...fieldState(errors.intervalMinutes)}
            />
            <Input
              label="Durée d’un rendez-vous (en minutes) *"
              nativeInputProps={{
                ...register('durationMinutes', { valueAsNumber: true }),
                id: 'convocation-duration',
                type: 'number',
                min: 10,
                max: 480,
                step: 5,
              }}
              {...fieldState(errors.durationMinutes)}
            />
          </div>
          <Input
            label="Lieu *"
            hintText="L’adresse telle que la personne la lira"
            nativeInputProps={{ ...register('address'), id: 'convocation-address', maxLength: 300 }}
            {...fieldState(errors.address)}
          />
          <Select
            // Re-registered once the list is there, so the chosen professional shows.
            key={professionals.data ? 'loaded' : 'loading'}
            label="Professionnel·le qui reçoit *"
            nativeSelectProps={{ ...register('professionalAccountId'), id: 'convocation-professional' }}
            {...fieldState(errors.professionalAccountId)}
          >
            <option value="" disabled>
              Choisir
            </option>
            {(professionals.data?.items ?? []).map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.firstName} {p.lastName}
              </option>
            ))}
          </Select>
          <ApiErrorAlert
            error={professionals.error}
            title="La liste des professionnels n’a pas pu être chargée"
          />
          <Button type="submit" iconId="fr-icon-send-plane-line" disabled={convoke.isPending}>
            {convoke.isPending ? 'Envoi en cours…' : 'Envoyer les convocations'}
          </Button>
        </form>
      )}
    </section>
  );
}
