import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  contactChannelLabels,
  contactChannels,
  type Section,
  sectionLabels,
  sections,
} from '@spie/contract/people';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from './PersonLayout';
import {
  useConsents,
  useOrganisationChoices,
  useRecordConsent,
  useRecordInformation,
  useWithdrawConsent,
} from './people.queries';
import { formatDay, todayIso } from './peopleFormat';

const channelLabels: Record<string, string> = {
  ...contactChannelLabels,
  in_person: 'En personne (entretien)',
};
/** Sections a consent can open or close (the consultation log is the person's own right, not shared). */
const shareableSections = sections.filter((section) => section !== 'consultations');

export function ConsentsTab() {
  const { person } = usePersonContext();
  const consents = useConsents(person.id);
  const withdraw = useWithdrawConsent(person.id);
  const [success, setSuccess] = useState<string | null>(null);
  const information = consents.data?.information ?? [];
  const entries = consents.data?.consents ?? [];

  return (
    <>
      <h2>Information et consentements</h2>
      <p>
        La personne doit être informée du partage de ses données entre les professionnels qui l’accompagnent.
        Elle peut accepter qu’une structure voie une rubrique qu’elle ne verrait pas autrement, ou s’y
        opposer.
      </p>
      {consents.isPending && <Loading />}
      <ApiErrorAlert error={consents.error} title="Les consentements n’ont pas pu être chargés" />
      {success && <SuccessAlert key={success + information.length + entries.length} title={success} />}

      {consents.data && (
        <>
          <section aria-labelledby="information-title" className="fr-mb-6w">
            <h3 id="information-title" className="fr-h5">
              Information de la personne
            </h3>
            {information.length === 0 ? (
              <p className="spie-empty-state">Aucune information notée pour le moment.</p>
            ) : (
              <ul>
                {information.map((entry) => (
                  <li key={entry.id}>
                    Informée le {formatDay(entry.informedOn)} —{' '}
                    {channelLabels[entry.channel] ?? entry.channel}
                    {entry.recordedByName && <> (noté par {entry.recordedByName})</>}
                  </li>
                ))}
              </ul>
            )}
            <InformationForm personId={person.id} onDone={setSuccess} />
          </section>

          <section aria-labelledby="consents-title">
            <h3 id="consents-title" className="fr-h5">
              Consentements et oppositions
            </h3>
            <ApiErrorAlert error={withdraw.error} title="Le retrait n’a pas abouti" />
            {entries.length === 0 ? (
              <p className="spie-empty-state">Aucun consentement ni opposition enregistré.</p>
            ) : (
              <DataTable
                caption="Consentements et oppositions au partage"
                headers={['Rubrique', 'Structure', 'Décision', 'Noté le', 'Action']}
                rows={entries.map((entry) => ({
                  key: entry.id,
                  cells: [
                    sectionLabels[entry.section],
                    entry.organisationName,
                    <span key="decision">
                      {entry.decision === 'consent' ? (
                        <Badge small severity="success">
                          Consentement
                        </Badge>
                      ) : (
                        <Badge small severity="warning">
                          Opposition
                        </Badge>
                      )}
                      {entry.withdrawnAt && (
                        <span className="spie-block fr-text--xs fr-mb-0">
                          Retiré le {formatDay(entry.withdrawnAt)}
                        </span>
                      )}
                    </span>,
                    <span key="at">
                      {formatDateTime(entry.recordedAt)}
                      {entry.recordedByName && (
                        <span className="spie-block fr-text--xs fr-mb-0">par {entry.recordedByName}</span>
                      )}
                    </span>,
                    entry.withdrawnAt ? (
                      '—'
                    ) : (
                      <Button
                        key="withdraw"
                        size="small"
                        priority="secondary"
                        disabled={withdraw.isPending}
                        onClick={() =>
                          withdraw.mutate(entry.id, {
                            onSuccess: () => setSuccess('Le consentement ou l’opposition est retiré.'),
                          })
                        }
                      >
                        Retirer
                        <span className="fr-sr-only">
                          {' '}
                          ({sectionLabels[entry.section]}, {entry.organisationName})
                        </span>
                      </Button>
                    ),
                  ],
                }))}
              />
            )}
            <ConsentForm personId={person.id} onDone={setSuccess} />
          </section>
        </>
      )}
    </>
  );
}

function InformationForm({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const record = useRecordInformation(personId);
  const [informedOn, setInformedOn] = useState(todayIso());
  const [channel, setChannel] = useState('in_person');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="spie-panel fr-mt-2w"
      aria-labelledby="information-form-title"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(informedOn)) {
          setError('Indiquez la date de l’information.');
          document.getElementById('information-date')?.focus();
          return;
        }
        setError(null);
        try {
          await record.mutateAsync({ informedOn, channel: channel as 'in_person' });
          onDone('L’information de la personne est notée.');
        } catch {
          // Shown below.
        }
      }}
    >
      <h4 id="information-form-title" className="fr-h6">
        Noter l’information
      </h4>
      <ApiErrorAlert error={record.error} title="L’information n’a pas été notée" />
      <div className="spie-filters">
        <Input
          label="Date"
          nativeInputProps={{
            id: 'information-date',
            type: 'date',
            value: informedOn,
            onChange: (e) => setInformedOn(e.target.value),
          }}
          {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
        />
        <Select
          label="Comment"
          nativeSelectProps={{ value: channel, onChange: (e) => setChannel(e.target.value) }}
        >
          {(['in_person', ...contactChannels] as const).map((value) => (
            <option key={value} value={value}>
              {channelLabels[value]}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" priority="secondary" disabled={record.isPending}>
        Noter l’information
      </Button>
    </form>
  );
}

function ConsentForm({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const recordConsent = useRecordConsent(personId);
  const organisations = useOrganisationChoices();
  const [draft, setDraft] = useState({ section: '', organisationId: '', decision: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const state = (key: string) =>
    errors[key] ? { state: 'error' as const, stateRelatedMessage: errors[key] } : {};

  return (
    <form
      noValidate
      className="spie-panel fr-mt-2w"
      aria-labelledby="consent-form-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const next: Record<string, string> = {};
        if (!draft.section) next.section = 'Choisissez la rubrique.';
        if (!draft.organisationId) next.organisationId = 'Choisissez la structure.';
        if (!draft.decision) next.decision = 'Indiquez la décision de la personne.';
        setErrors(next);
        const first = Object.keys(next)[0];
        if (first) {
          document
            .querySelector<HTMLElement>(`[data-consent="${first}"] select, [data-consent="${first}"] input`)
            ?.focus();
          return;
        }
        try {
          await recordConsent.mutateAsync({
            section: draft.section as Section,
            organisationId: draft.organisationId,
            decision: draft.decision as 'consent' | 'objection',
          });
          setDraft({ section: '', organisationId: '', decision: '' });
          onDone(draft.decision === 'consent' ? 'Le consentement est noté.' : 'L’opposition est notée.');
        } catch {
          // Shown below.
        }
      }}
    >
      <h4 id="consent-form-title" className="fr-h6">
        Noter un consentement ou une opposition
      </h4>
      <ApiErrorAlert error={recordConsent.error} title="La décision n’a pas été notée" />
      <div data-consent="section">
        <Select
          label="Rubrique du dossier *"
          nativeSelectProps={{
            value: draft.section,
            onChange: (e) => setDraft({ ...draft, section: e.target.value }),
          }}
          {...state('section')}
        >
          <option value="" disabled>
            Choisir une rubrique
          </option>
          {shareableSections.map((section) => (
            <option key={section} value={section}>
              {sectionLabels[section]}
            </option>
          ))}
        </Select>
      </div>
      <div data-consent="organisationId">
        <Select
          label="Structure concernée *"
          nativeSelectProps={{
            value: draft.organisationId,
            onChange: (e) => setDraft({ ...draft, organisationId: e.target.value }),
          }}
          {...state('organisationId')}
        >
          <option value="" disabled>
            Choisir une structure
          </option>
          {(organisations.data?.items ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </Select>
      </div>
      <div data-consent="decision">
        <RadioButtons
          legend="Décision de la personne *"
          orientation="horizontal"
          options={[
            {
              label: 'Elle accepte le partage',
              nativeInputProps: {
                name: 'consent-decision',
                value: 'consent',
                checked: draft.decision === 'consent',
                onChange: () => setDraft({ ...draft, decision: 'consent' }),
              },
            },
            {
              label: 'Elle s’y oppose',
              nativeInputProps: {
                name: 'consent-decision',
                value: 'objection',
                checked: draft.decision === 'objection',
                onChange: () => setDraft({ ...draft, decision: 'objection' }),
              },
            },
          ]}
          {...state('decision')}
        />
      </div>
      <Button type="submit" priority="secondary" disabled={recordConsent.isPending}>
        Noter la décision
      </Button>
    </form>
  );
}
