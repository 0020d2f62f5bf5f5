import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type Appointment, appointmentTypeLabels } from '@spie/contract/appointments';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { useOrganisationProfessionals } from '../people/people.queries';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import {
  type AgendaView,
  agendaPeriodInWords,
  agendaRange,
  dayInWords,
  groupByDay,
  parisToday,
  placeInWords,
  shiftAgendaDay,
  timeRangeInWords,
} from './appointmentFormat';
import { useAgenda } from './appointments.queries';
import './appointments.css';

const title = 'Mon agenda';
const isDay = (value: string | null): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/**
 * `/agenda`: a professional's appointments for one day or one week (Monday to Sunday), one h2 per
 * day. Structure managers may open the agenda of a professional of their organisation. The view,
 * the day and the professional are in the address (`?vue=semaine&jour=…&pro=…`) to be shared.
 */
export function AgendaPage() {
  const [params, setParams] = useSearchParams();
  const session = useSession().data;
  const membership = session?.activeMembership;
  const isManager = membership?.role === 'structure_manager';
  const view: AgendaView = params.get('vue') === 'jour' ? 'jour' : 'semaine';
  const today = parisToday();
  const jour = params.get('jour');
  const day = isDay(jour) ? jour : today;
  const accountId = isManager ? (params.get('pro') ?? '') : '';
  const range = agendaRange(view, day);
  const agenda = useAgenda({ from: range.from, to: range.to, accountId: accountId || undefined });
  const professionals = useOrganisationProfessionals(isManager ? membership?.organisationId : undefined);
  const others = (professionals.data?.items ?? []).filter((p) => p.accountId !== session?.account?.id);
  const groups = groupByDay(range.days, agenda.data?.items ?? []);
  const count = agenda.data?.items.length ?? 0;
  const viewingOther = Boolean(accountId) && agenda.data && agenda.data.professional.accountId === accountId;

  const go = (next: { vue?: AgendaView; jour?: string; pro?: string }) => {
    const search = new URLSearchParams(params);
    if (next.vue) search.set('vue', next.vue);
    if (next.jour !== undefined) search.set('jour', next.jour);
    if (next.pro !== undefined) {
      if (next.pro) search.set('pro', next.pro);
      else search.delete('pro');
    }
    setParams(search, { replace: true });
  };
  const unit = view === 'jour' ? 'Jour' : 'Semaine';

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Les rendez-vous {viewingOther ? `de ${agenda.data?.professional.name}` : 'où vous êtes attendu·e'}.
        Cliquez sur le nom d’une personne pour ouvrir ses rendez-vous.
      </p>

      {isManager && (
        <Select
          className="spie-agenda-of"
          label="Agenda de"
          nativeSelectProps={{
            id: 'agenda-of',
            value: accountId,
            onChange: (event) => go({ pro: event.target.value }),
          }}
        >
          <option value="">Moi-même</option>
          {others.map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.firstName} {p.lastName}
            </option>
          ))}
        </Select>
      )}
      <ApiErrorAlert
        error={professionals.error}
        title="La liste des professionnels n’a pas pu être chargée"
      />

      <SegmentedControl
        className="fr-mb-3w"
        legend="Affichage"
        segments={[
          {
            label: 'Jour',
            nativeInputProps: { checked: view === 'jour', onChange: () => go({ vue: 'jour' }) },
          },
          {
            label: 'Semaine',
            nativeInputProps: { checked: view === 'semaine', onChange: () => go({ vue: 'semaine' }) },
          },
        ]}
      />

      <div className="spie-actions">
        <Button
          priority="secondary"
          iconId="fr-icon-arrow-left-s-line"
          onClick={() => go({ jour: shiftAgendaDay(view, day, -1) })}
        >
          {unit === 'Jour' ? 'Jour précédent' : 'Semaine précédente'}
        </Button>
        <Button
          priority="secondary"
          onClick={() => go({ jour: today })}
          disabled={range.days.includes(today)}
        >
          Aujourd’hui
        </Button>
        <Button
          priority="secondary"
          iconId="fr-icon-arrow-right-s-line"
          iconPosition="right"
          onClick={() => go({ jour: shiftAgendaDay(view, day, 1) })}
        >
          {unit === 'Jour' ? 'Jour suivant' : 'Semaine suivante'}
        </Button>
        <Input
          className="fr-mb-0"
          label="Aller au jour"
          nativeInputProps={{
            id: 'agenda-day',
            type: 'date',
            value: day,
            onChange: (event) => {
              if (isDay(event.target.value)) go({ jour: event.target.value });
            },
          }}
        />
      </div>

      <p role="status" className="fr-text--lead fr-mb-3w">
        {agendaPeriodInWords(view, day)}
        {agenda.data &&
          ` : ${count === 0 ? 'aucun rendez-vous' : count > 1 ? `${count} rendez-vous` : '1 rendez-vous'}`}
      </p>
      {agenda.isPending && <Loading label="Chargement de l’agenda…" />}
      <ApiErrorAlert error={agenda.error} title="L’agenda n’a pas pu être chargé" />

      {agenda.data &&
        groups.map((group) => (
          <section key={group.day} className="spie-agenda-day" aria-labelledby={`agenda-${group.day}`}>
            <h2 id={`agenda-${group.day}`} className="fr-h4">
              {dayInWords(group.day, true)}
              {group.day === today && ' (aujourd’hui)'}
            </h2>
            {group.items.length === 0 ? (
              <p className="spie-empty-state">Aucun rendez-vous ce jour-là.</p>
            ) : (
              <ul className="spie-agenda-list">
                {group.items.map((item) => (
                  <AgendaItem key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
        ))}
    </>
  );
}

function AgendaItem({ item }: { item: Appointment }) {
  return (
    <li className="spie-agenda-item">
      <p className="fr-text--bold">{timeRangeInWords(item.startsAtLocal, item.durationMinutes)}</p>
      <div>
        <p>
          <Link to={`/personnes/${item.person.id}/rendez-vous`}>{item.person.displayName}</Link>
          {' — '}
          {appointmentTypeLabels[item.type]}
        </p>
        <p className="fr-text--sm">{placeInWords(item)}</p>
        {item.professionals.length > 1 && (
          <p className="fr-text--sm">Avec {item.professionals.map((p) => p.name).join(', ')}</p>
        )}
        <p>
          <AppointmentStatusBadge status={item.status} />
        </p>
      </div>
    </li>
  );
}
