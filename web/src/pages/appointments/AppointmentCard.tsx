import { Button } from '@codegouvfr/react-dsfr/Button';
import { type Appointment, type AppointmentAction, appointmentTypeLabels } from '@spie/contract/appointments';
import { useEffect, useState } from 'react';
import { momentInWords } from '../signature/signatureFormat';
import { AppointmentActionForm, actionLabel } from './AppointmentActionForm';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import {
  durationInWords,
  localInWords,
  placeInWords,
  professionalsInWords,
  sentLines,
} from './appointmentFormat';
import { icsHref } from './appointments.queries';
import { StaleAlert } from './conflict';

const sourceWords: Record<Appointment['source'], string | null> = {
  manuel: null,
  campagne: 'Choisi par la personne en réponse à une campagne',
  convocation: 'Convocation envoyée après une campagne sans réponse',
};

/**
 * One appointment: when (h3), what, where, who, its state, what was sent to the person, the
 * calendar file and the actions the server allows now.
 */
export function AppointmentCard({
  appointment,
  canWrite,
  onDone,
}: {
  appointment: Appointment;
  canWrite: boolean;
  onDone: (message: string) => void;
}) {
  const [opened, setOpened] = useState<AppointmentAction | null>(null);
  const [stale, setStale] = useState(false);
  const when = `du ${localInWords(appointment.startsAtLocal)}`;
  const actions = canWrite ? appointment.allowedActions : [];

  // Reloaded after a conflict: the open action may no longer be possible.
  useEffect(() => {
    if (opened && !appointment.allowedActions.includes(opened)) {
      setOpened(null);
      setStale(true);
    }
  }, [opened, appointment.allowedActions]);

  return (
    <article className="spie-appointment" aria-labelledby={`appointment-${appointment.id}`}>
      <h3 id={`appointment-${appointment.id}`} className="fr-h6 fr-mb-1w">
        {localInWords(appointment.startsAtLocal, true)}
      </h3>
      <p className="fr-mb-1w">
        <AppointmentStatusBadge status={appointment.status} />
        {appointment.statusReason && <span className="fr-ml-1w">Motif : {appointment.statusReason}</span>}
      </p>
      <dl className="spie-facts spie-facts--compact">
        <dt>Type</dt>
        <dd>{appointmentTypeLabels[appointment.type]}</dd>
        <dt>Durée</dt>
        <dd>{durationInWords(appointment.durationMinutes)}</dd>
        <dt>Lieu</dt>
        <dd>
          {placeInWords(appointment)}
          {appointment.mode === 'visio' && appointment.visioUrl && (
            <>
              {' : '}
              <a href={appointment.visioUrl} target="_blank" rel="noreferrer noopener" className="spie-break">
                {appointment.visioUrl}
                <span className="fr-sr-only"> (nouvelle fenêtre)</span>
              </a>
            </>
          )}
        </dd>
        <dt>Avec</dt>
        <dd>
          {professionalsInWords(appointment.professionals)} ({appointment.organisation.name})
        </dd>
        {appointment.note && (
          <>
            <dt>Note</dt>
            <dd className="spie-message-body">{appointment.note}</dd>
          </>
        )}
        {appointment.outcomeNote && (
          <>
            <dt>Compte rendu</dt>
            <dd className="spie-message-body">{appointment.outcomeNote}</dd>
          </>
        )}
      </dl>
      {(sourceWords[appointment.source] ||
        appointment.confirmationSentAt ||
        appointment.reminderSentAt ||
        appointment.status === 'prevu') && (
        <ul className="fr-text--sm spie-plain-list fr-mb-2w">
          {sourceWords[appointment.source] && <li>{sourceWords[appointment.source]}</li>}
          {sentLines(appointment, momentInWords).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {appointment.status === 'prevu' && !appointment.confirmationSentAt && (
            <li>Aucune confirmation envoyée à la personne pour l’instant.</li>
          )}
        </ul>
      )}
      <p className="fr-mb-2w">
        <a
          className="fr-link fr-icon-calendar-line fr-link--icon-left"
          href={icsHref(appointment.id)}
          download
        >
          Ajouter à mon agenda (.ics)<span className="fr-sr-only"> : rendez-vous {when}</span>
        </a>
      </p>
      {stale && <StaleAlert />}
      {actions.length > 0 && (
        <div className="spie-actions fr-mb-1w">
          {actions.map((action) => (
            <Button
              key={action}
              size="small"
              priority={action === 'cancel' || action === 'correct' ? 'tertiary' : 'secondary'}
              aria-expanded={opened === action}
              onClick={() => {
                setStale(false);
                setOpened(opened === action ? null : action);
              }}
            >
              {actionLabel(action)}
              <span className="fr-sr-only"> — rendez-vous {when}</span>
            </Button>
          ))}
        </div>
      )}
      {opened && (
        <AppointmentActionForm
          key={opened}
          appointment={appointment}
          action={opened}
          when={when}
          onClose={() => setOpened(null)}
          onDone={(message) => {
            setOpened(null);
            onDone(message);
          }}
        />
      )}
    </article>
  );
}
