import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  type PublicationStatus,
  publicationStatusLabels,
  type ServiceView,
  type Session,
  type SessionMode,
  type SessionStatus,
  sessionBody,
  sessionModeLabels,
  sessionModes,
  sessionStatuses,
  sessionStatusLabels,
} from '@spie/contract/catalogue';
import { useState } from 'react';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { useChangeServiceStatus, useSaveSession, useSessions, useWaitingList } from './catalogue.queries';
import { formatCount, formatIsoDate, placesLabel, plural, statusSeverity } from './catalogueFormat';
import { numberOrNull } from './serviceForm';

const statusActions: Record<PublicationStatus, { to: PublicationStatus; label: string }[]> = {
  brouillon: [
    { to: 'publie', label: 'Publier' },
    { to: 'archive', label: 'Archiver' },
  ],
  publie: [
    { to: 'suspendu', label: 'Suspendre jusqu’au…' },
    { to: 'brouillon', label: 'Remettre en brouillon' },
    { to: 'archive', label: 'Archiver' },
  ],
  suspendu: [
    { to: 'publie', label: 'Publier à nouveau' },
    { to: 'suspendu', label: 'Changer la date de fin de suspension' },
    { to: 'archive', label: 'Archiver' },
  ],
  archive: [{ to: 'brouillon', label: 'Remettre en brouillon' }],
};

const doneMessages: Record<PublicationStatus, string> = {
  publie: 'Le service est publié : il apparaît dans la recherche.',
  suspendu: 'Le service est suspendu : aucune prescription jusqu’à la date choisie.',
  brouillon: 'Le service est remis en brouillon : il n’apparaît plus dans la recherche.',
  archive: 'Le service est archivé.',
};

function PublicationSection({ service }: { service: ServiceView }) {
  const change = useChangeServiceStatus(service.di.id);
  const [suspending, setSuspending] = useState(false);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<PublicationStatus | null>(null);

  const send = (status: PublicationStatus) => {
    setDone(null);
    change.mutate(
      {
        status,
        until: status === 'suspendu' ? until || null : null,
        reason: reason || null,
        revision: service.revision,
      },
      {
        onSuccess: () => {
          setDone(status);
          setSuspending(false);
        },
      },
    );
  };

  return (
    <section aria-labelledby="publication-title" className="spie-panel">
      <h2 id="publication-title">Publication</h2>
      <p>
        État :{' '}
        <Badge severity={statusSeverity[service.status]} noIcon small>
          {publicationStatusLabels[service.status]}
        </Badge>
        {service.status === 'suspendu' && service.suspendedUntil && (
          <> jusqu’au {formatIsoDate(service.suspendedUntil)} inclus</>
        )}
        {service.stale && (
          <>
            {' '}
            <Badge severity="warning" noIcon small>
              À mettre à jour
            </Badge>
          </>
        )}
      </p>
      {done && <SuccessAlert key={done} title={doneMessages[done]} />}
      <ApiErrorAlert error={change.error} title="L’état du service n’a pas pu être changé" />
      <div className="spie-actions">
        {statusActions[service.status].map((action) => (
          <Button
            key={action.label}
            priority={action.to === 'publie' ? 'primary' : 'secondary'}
            disabled={change.isPending}
            onClick={() => (action.to === 'suspendu' ? setSuspending(true) : send(action.to))}
          >
            {action.label}
          </Button>
        ))}
      </div>
      {suspending && (
        <form
          aria-label="Suspendre le service"
          onSubmit={(event) => {
            event.preventDefault();
            send('suspendu');
          }}
        >
          <Input
            label="Suspendu jusqu’au (inclus)"
            nativeInputProps={{
              type: 'date',
              required: true,
              value: until,
              onChange: (e) => setUntil(e.target.value),
            }}
          />
          <Input
            label="Motif (facultatif)"
            hintText="Par exemple : travaux, formateur absent."
            nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
          />
          <div className="spie-actions">
            <Button type="submit" disabled={change.isPending || !until}>
              Confirmer la suspension
            </Button>
            <Button priority="tertiary" onClick={() => setSuspending(false)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

interface SessionFormValues {
  label: string;
  startDate: string;
  endDate: string;
  places: string;
  mode: SessionMode;
  schedule: string;
  address: string;
  status: SessionStatus;
  waitingListEnabled: boolean;
}

const emptySession: SessionFormValues = {
  label: '',
  startDate: '',
  endDate: '',
  places: '',
  mode: 'sur_place',
  schedule: '',
  address: '',
  status: 'ouverte',
  waitingListEnabled: true,
};

function sessionValues(session: Session): SessionFormValues {
  return {
    label: session.label ?? '',
    startDate: session.startDate,
    endDate: session.endDate ?? '',
    places: session.places === null ? '' : String(session.places),
    mode: session.mode,
    schedule: session.schedule ?? '',
    address: session.address ?? '',
    status: session.status,
    waitingListEnabled: session.waitingListEnabled,
  };
}

function SessionForm({
  serviceId,
  session,
  onDone,
}: {
  serviceId: string;
  session: Session | null;
  onDone: (message: string) => void;
}) {
  const [values, setValues] = useState<SessionFormValues>(session ? sessionValues(session) : emptySession);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveSession(serviceId);
  const set = <K extends keyof SessionFormValues>(key: K, value: SessionFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const state = (key: string) =>
    errors[key] ? { state: 'error' as const, stateRelatedMessage: errors[key] } : {};

  const submit = () => {
    const body = {
      label: values.label.trim() || null,
      startDate: values.startDate,
      endDate: values.endDate || null,
      places: numberOrNull(values.places),
      mode: values.mode,
      schedule: values.schedule.trim() || null,
      address: values.address.trim() || null,
      status: values.status,
      waitingListEnabled: values.waitingListEnabled,
    };
    const parsed = sessionBody.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        next[key] ??= key === 'startDate' ? 'Indiquez la date de début.' : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(
      { sessionId: session?.id ?? null, revision: session?.revision ?? 0, body: parsed.data },
      { onSuccess: () => onDone(session ? 'La session est modifiée.' : 'La session est ajoutée.') },
    );
  };

  return (
    <form
      aria-label={session ? 'Modifier la session' : 'Ajouter une session'}
      className="spie-panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{session ? 'Modifier la session' : 'Nouvelle session'}</h3>
      <ApiErrorAlert error={save.error} title="La session n’a pas pu être enregistrée" />
      <Input
        label="Nom de la session (facultatif)"
        hintText="Par exemple : Session de printemps."
        nativeInputProps={{ value: values.label, onChange: (e) => set('label', e.target.value) }}
        {...state('label')}
      />
      <div className="spie-filters">
        <Input
          label="Date de début"
          nativeInputProps={{
            type: 'date',
            value: values.startDate,
            onChange: (e) => set('startDate', e.target.value),
          }}
          {...state('startDate')}
        />
        <Input
          label="Date de fin (facultatif)"
          nativeInputProps={{
            type: 'date',
            value: values.endDate,
            onChange: (e) => set('endDate', e.target.value),
          }}
          {...state('endDate')}
        />
        <Input
          label="Places (facultatif)"
          nativeInputProps={{
            inputMode: 'numeric',
            value: values.places,
            onChange: (e) => set('places', e.target.value),
          }}
          {...state('places')}
        />
      </div>
      <div className="spie-filters">
        <Select
          label="Modalité"
          nativeSelectProps={{
            value: values.mode,
            onChange: (e) => set('mode', e.target.value as SessionMode),
          }}
        >
          {sessionModes.map((mode) => (
            <option key={mode} value={mode}>
              {sessionModeLabels[mode]}
            </option>
          ))}
        </Select>
        <Select
          label="État de la session"
          nativeSelectProps={{
            value: values.status,
            onChange: (e) => set('status', e.target.value as SessionStatus),
          }}
        >
          {sessionStatuses.map((status) => (
            <option key={status} value={status}>
              {sessionStatusLabels[status]}
            </option>
          ))}
        </Select>
      </div>
      <Input
        label="Horaires (facultatif)"
        hintText="Par exemple : lundi et jeudi, 9 h – 12 h."
        nativeInputProps={{ value: values.schedule, onChange: (e) => set('schedule', e.target.value) }}
        {...state('schedule')}
      />
      <Input
        label="Adresse si différente du service (facultatif)"
        nativeInputProps={{ value: values.address, onChange: (e) => set('address', e.target.value) }}
        {...state('address')}
      />
      <Checkbox
        options={[
          {
            label: 'Liste d’attente quand la session est complète',
            nativeInputProps: {
              checked: values.waitingListEnabled,
              onChange: (e) => set('waitingListEnabled', e.target.checked),
            },
          },
        ]}
      />
      <div className="spie-actions">
        <Button type="submit" disabled={save.isPending}>
          Enregistrer la session
        </Button>
        <Button priority="tertiary" onClick={() => onDone('')}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

function SessionsSection({ service }: { service: ServiceView }) {
  const sessions = useSessions(service.di.id);
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const items = sessions.data?.items ?? [];
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p>
        Pour une offre qui a des dates (une formation, un atelier…), indiquez ses sessions et leurs places.
      </p>
      {message && <SuccessAlert key={message} title={message} />}
      {sessions.isPending && <Loading />}
      <ApiErrorAlert error={sessions.error} title="Les sessions n’ont pas pu être chargées" />
      {sessions.data && items.length === 0 && <p className="spie-empty-state">Aucune session.</p>}
      {items.length > 0 && (
        <DataTable
          caption="Sessions du service"
          headers={['Session', 'Dates', 'Places', 'Occupées', 'En attente', 'État', 'Action']}
          rows={items.map((s) => {
            const name = s.label ?? `Session du ${formatIsoDate(s.startDate)}`;
            return {
              key: s.id,
              cells: [
                <span key="name">
                  {name}
                  <span className="spie-block fr-text--xs fr-mb-0">{sessionModeLabels[s.mode]}</span>
                </span>,
                s.endDate
                  ? `Du ${formatIsoDate(s.startDate)} au ${formatIsoDate(s.endDate)}`
                  : `À partir du ${formatIsoDate(s.startDate)}`,
                s.places === null
                  ? 'Non comptées'
                  : `${formatCount(s.places)} (${placesLabel(s.free, s.waiting)})`,
                formatCount(s.occupied),
                formatCount(s.waiting),
                sessionStatusLabels[s.status],
                <Button
                  key="edit"
                  size="small"
                  priority="secondary"
                  onClick={() => {
                    setMessage('');
                    setEditing(s);
                  }}
                >
                  Modifier<span className="fr-sr-only"> : {name}</span>
                </Button>,
              ],
            };
          })}
        />
      )}
      {editing === null ? (
        <Button
          priority="secondary"
          iconId="fr-icon-add-line"
          iconPosition="left"
          onClick={() => {
            setMessage('');
            setEditing('new');
          }}
        >
          Ajouter une session
        </Button>
      ) : (
        <SessionForm
          key={editing === 'new' ? 'new' : editing.id}
          serviceId={service.di.id}
          session={editing === 'new' ? null : editing}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      )}
    </section>
  );
}

function WaitingListSection({ service }: { service: ServiceView }) {
  // The names on the waiting list are for the members of the owner organisation only.
  const role = useSession().data?.activeMembership?.role;
  const allowed = service.canManage && role !== 'territory_admin';
  const list = useWaitingList(service.di.id, allowed);
  const items = list.data?.items ?? [];
  const forbidden = isApiError(list.error) && list.error.kind === 'forbidden';
  return (
    <section aria-labelledby="waiting-title" className="fr-mt-4w">
      <h2 id="waiting-title">Liste d’attente</h2>
      {(!allowed || forbidden) && (
        <p>
          {service.places.waiting > 0
            ? `${plural(service.places.waiting, 'personne attend', 'personnes attendent')} une place. `
            : 'Personne n’attend de place. '}
          Les noms ne sont visibles que par la structure qui propose l’offre.
        </p>
      )}
      {allowed && list.isPending && <Loading />}
      {!forbidden && <ApiErrorAlert error={list.error} title="La liste d’attente n’a pas pu être chargée" />}
      {list.data && items.length === 0 && (
        <p className="spie-empty-state">Personne n’est en liste d’attente.</p>
      )}
      {items.length > 0 && (
        <DataTable
          caption="Personnes en liste d’attente, dans l’ordre d’arrivée"
          headers={['Rang', 'Personne', 'Depuis le', 'Prescrite par']}
          rows={items.map((entry) => ({
            key: entry.referralId,
            cells: [
              formatCount(entry.position),
              `${entry.person.firstName} ${entry.person.lastName}`,
              formatDateTime(entry.since),
              entry.senderOrganisation,
            ],
          }))}
        />
      )}
    </section>
  );
}

/** Publication actions, sessions and waiting list of a service its owner manages. */
export function ServiceManagement({ service }: { service: ServiceView }) {
  return (
    <>
      <PublicationSection service={service} />
      <SessionsSection service={service} />
      <WaitingListSection service={service} />
    </>
  );
}
