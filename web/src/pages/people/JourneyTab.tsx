import { Select } from '@codegouvfr/react-dsfr/Select';
import { sectionLabels } from '@spie/contract/people';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { usePersonContext } from './PersonLayout';
import { useTimeline } from './people.queries';

/** Event types the record emits today, in words; other modules' types are shown as sent. */
const timelineTypeLabels: Record<string, string> = {
  PersonCreated: 'Création du dossier',
  PersonIdentityUpdated: 'Identité modifiée',
  PersonHouseholdUpdated: 'Foyer modifié',
  PersonStatusAdded: 'Statut ajouté',
  PersonStatusEnded: 'Statut clos',
  PersonInformed: 'Information de la personne',
  ConsentRecorded: 'Consentement ou opposition',
  ConsentWithdrawn: 'Retrait de consentement',
  DocumentUploaded: 'Document déposé',
  SensitiveNoteAdded: 'Information sensible ajoutée',
  ReferentDesignated: 'Référent·e désigné·e',
  TeamJoinRequested: 'Demande pour rejoindre l’équipe',
  TeamInvitationSent: 'Invitation dans l’équipe',
  TeamMemberJoined: 'Arrivée dans l’équipe',
  TeamInvitationDeclined: 'Invitation ou demande refusée',
  TeamMemberLeft: 'Départ de l’équipe',
  PeopleMerged: 'Fusion de dossiers',
  MergeUndone: 'Fusion annulée',
  RsaOpened: 'Ouverture du droit RSA',
  SiaeContractEnding: 'Fin prochaine du contrat en structure d’insertion',
};

export function JourneyTab() {
  const { person } = usePersonContext();
  const [filters, setFilters] = useState<{ type?: string | undefined; organisationId?: string | undefined }>(
    {},
  );
  const timeline = useTimeline(person.id, filters);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  // The structures offered are those met in the entries loaded so far (whatever the filters were),
  // so choosing one keeps the others in the list, and the current choice is always there.
  const seen = useRef(new Map<string, string>());
  for (const entry of items) {
    if (entry.organisationId) seen.current.set(entry.organisationId, entry.organisationName ?? 'Structure');
  }
  const organisationChoices = [...seen.current]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  if (filters.organisationId && !seen.current.has(filters.organisationId)) {
    organisationChoices.push({ id: filters.organisationId, name: 'Structure choisie' });
  }

  return (
    <>
      <h2>Parcours</h2>
      <p>Les événements du parcours que vous pouvez voir, du plus récent au plus ancien.</p>
      <form aria-label="Filtrer le parcours" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          <Select
            label="Type d’événement"
            nativeSelectProps={{
              value: filters.type ?? '',
              onChange: (event) => setFilters({ ...filters, type: event.target.value || undefined }),
            }}
          >
            <option value="">Tous les types</option>
            {Object.entries(timelineTypeLabels).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </Select>
          <Select
            label="Structure"
            hint="Les structures des événements affichés."
            nativeSelectProps={{
              value: filters.organisationId ?? '',
              onChange: (event) =>
                setFilters({ ...filters, organisationId: event.target.value || undefined }),
            }}
          >
            <option value="">Toutes les structures</option>
            {organisationChoices.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </Select>
        </div>
      </form>
      {timeline.isPending && <Loading />}
      <ApiErrorAlert error={timeline.error} title="Le parcours n’a pas pu être chargé" />
      {timeline.data && (
        <p role="status" className={items.length === 0 ? 'spie-empty-state' : 'fr-sr-only'}>
          {items.length === 0
            ? filters.type || filters.organisationId
              ? 'Aucun événement ne correspond à ces critères.'
              : 'Aucun événement dans le parcours pour le moment.'
            : `${items.length} événement${items.length > 1 ? 's' : ''} affiché${items.length > 1 ? 's' : ''}.`}
        </p>
      )}
      {items.length > 0 && (
        <ol className="spie-timeline">
          {items.map((entry) => (
            <li key={entry.id} className="spie-timeline__item">
              <p className="fr-text--sm fr-mb-1v">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                {' — '}
                {timelineTypeLabels[entry.type] ?? entry.type} · {sectionLabels[entry.section]}
              </p>
              <p className="fr-mb-1v">
                {entry.link ? <Link to={entry.link}>{entry.summary}</Link> : entry.summary}
              </p>
              <p className="fr-text--xs fr-mb-0 spie-muted">
                {entry.actorName ?? 'Action automatique'}
                {entry.organisationName && <> ({entry.organisationName})</>}
              </p>
            </li>
          ))}
        </ol>
      )}
      <LoadMoreButton
        hasMore={timeline.hasNextPage}
        loading={timeline.isFetchingNextPage}
        onClick={() => timeline.fetchNextPage()}
      />
    </>
  );
}
