import type { Appointment } from '@spie/contract/appointments';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from '../people/PersonLayout';
import { AppointmentCard } from './AppointmentCard';
import { usePersonAppointments } from './appointments.queries';
import { CreateAppointmentForm } from './CreateAppointmentForm';
import './appointments.css';

/**
 * « Rendez-vous » of the person record (`/personnes/:id/rendez-vous`): the next one, the others to
 * come, the past ones with their outcome, and the form to fix a new one.
 */
export function AppointmentsTab() {
  const { person } = usePersonContext();
  const appointments = usePersonAppointments(person.id);
  const data = appointments.data;
  const canWrite = person.access.journey?.write === true && !person.mergedInto;
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const notify = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  const others = data ? data.upcoming.filter((a) => a.id !== data.next?.id) : [];

  return (
    <>
      {appointments.isPending && <Loading label="Chargement des rendez-vous…" />}
      <ApiErrorAlert error={appointments.error} title="Les rendez-vous n’ont pas pu être chargés" />
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {data && (
        <>
          <section aria-labelledby="appointments-next">
            <h2 id="appointments-next">Prochain rendez-vous</h2>
            {data.next ? (
              <AppointmentCard appointment={data.next} canWrite={canWrite} onDone={notify} />
            ) : (
              <p className="spie-empty-state">Aucun rendez-vous n’est prévu.</p>
            )}
          </section>
          <AppointmentList
            id="appointments-upcoming"
            title="À venir"
            empty={data.next ? 'Pas d’autre rendez-vous prévu.' : 'Aucun rendez-vous à venir.'}
            items={others}
            canWrite={canWrite}
            onDone={notify}
          />
          <AppointmentList
            id="appointments-past"
            title="Passés"
            empty="Aucun rendez-vous passé."
            items={data.past}
            canWrite={canWrite}
            onDone={notify}
          />
        </>
      )}
      {canWrite ? (
        <div className="spie-appointment-create">
          <CreateAppointmentForm personId={person.id} onDone={notify} />
        </div>
      ) : (
        data && (
          <p className="fr-text--sm">
            Seuls les professionnels qui accompagnent la personne peuvent fixer ou modifier ses rendez-vous.
          </p>
        )
      )}
    </>
  );
}

function AppointmentList({
  id,
  title,
  empty,
  items,
  canWrite,
  onDone,
}: {
  id: string;
  title: string;
  empty: string;
  items: Appointment[];
  canWrite: boolean;
  onDone: (message: string) => void;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="spie-empty-state">{empty}</p>
      ) : (
        <ul className="spie-plain-list">
          {items.map((appointment) => (
            <li key={appointment.id}>
              <AppointmentCard appointment={appointment} canWrite={canWrite} onDone={onDone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
