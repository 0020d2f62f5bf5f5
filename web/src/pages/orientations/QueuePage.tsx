import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { pathLabels, paths } from '@spie/contract/diagnostics';
import {
  type OrientationSource,
  orientationSourceLabels,
  orientationSources,
  orientationStatusLabels,
  type QueueItem,
} from '@spie/contract/orientations';
import { householdRoleLabels, householdRoles } from '@spie/contract/people';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { CommuneField } from '../people/CommuneField';
import { formatDay, plural } from '../people/peopleFormat';
import { daysLeftLabel, pathLabel } from './orientationFormat';
import { type QueueFilters, useQueue } from './orientations.queries';

/** Most people a group decision may carry (the contract's `bulkDecisionBody`). */
export const maxBulk = 500;

export interface BulkSelection {
  orientationId: string;
  personId: string;
  displayName: string;
  recommendedPath: QueueItem['recommendedPath'];
}

/** URL query (French, shareable) ↔ the queue's filters. */
function filtersFrom(params: URLSearchParams): QueueFilters {
  const pick = <T extends string>(key: string, allowed: readonly T[]) => {
    const value = params.get(key);
    return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const commune = params.get('commune');
  return {
    communeCode: commune && /^[0-9][0-9AB][0-9]{3}$/.test(commune) ? commune : undefined,
    householdRole: pick('role', householdRoles),
    recommendedPath: pick('parcours', [...paths, 'none'] as const),
    source: pick('origine', orientationSources),
    status: pick('etat', ['a_orienter', 'proposee'] as const),
    overdueOnly: params.get('retard') === '1' ? true : undefined,
  };
}

export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { state } = useLocation();
  const notice = (state as { notice?: string } | null)?.notice;
  const filters = filtersFrom(params);
  const queue = useQueue(filters);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const first = queue.data?.pages[0];
  const [selected, setSelected] = useState<Map<string, BulkSelection>>(new Map());
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const toggle = (item: QueueItem, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on)
        next.set(item.orientationId, {
          orientationId: item.orientationId,
          personId: item.personId,
          displayName: item.displayName,
          recommendedPath: item.recommendedPath,
        });
      else next.delete(item.orientationId);
      return next;
    });
  const allShown = items.length > 0 && items.every((item) => selected.has(item.orientationId));
  const tooMany = selected.size > maxBulk;

  return (
    <>
      <PageBreadcrumb current="À orienter" />
      <PageHeading title="Personnes à orienter" />
      <p>
        Les personnes soumises aux droits et devoirs qui attendent une orientation. Les personnes en retard
        sont en tête de liste, puis celles dont l’échéance est la plus proche.
      </p>
      {notice && <SuccessAlert key={notice} title={notice} />}

      <form aria-label="Filtrer la liste" onSubmit={(event) => event.preventDefault()}>
        <div className="spie-filters">
          <div>
            <CommuneField
              label="Commune"
              initialText={params.get('communeNom') ?? params.get('commune') ?? ''}
              chosenCode={filters.communeCode ?? ''}
              onChoose={(commune) => {
                const next = new URLSearchParams(params);
                if (commune) {
                  next.set('commune', commune.code);
                  next.set('communeNom', commune.name);
                } else {
                  next.delete('commune');
                  next.delete('communeNom');
                }
                setParams(next, { replace: true });
              }}
            />
          </div>
          <Select
            label="Rôle dans le foyer"
            nativeSelectProps={{
              value: filters.householdRole ?? '',
              onChange: (event) => setParam('role', event.target.value || undefined),
            }}
          >
            <option value="">Tous</option>
            {householdRoles.map((role) => (
              <option key={role} value={role}>
                {householdRoleLabels[role]}
              </option>
            ))}
          </Select>
          <Select
            label="Parcours recommandé"
            nativeSelectProps={{
              value: filters.recommendedPath ?? '',
              onChange: (event) => setParam('parcours', event.target.value || undefined),
            }}
          >
            <option value="">Tous</option>
            {paths.map((path) => (
              <option key={path} value={path}>
                {pathLabels[path]}
              </option>
            ))}
            <option value="none">Pas encore de diagnostic</option>
          </Select>
          <Select
            label="Origine"
            nativeSelectProps={{
              value: filters.source ?? '',
              onChange: (event) => setParam('origine', event.target.value || undefined),
            }}
          >
            <option value="">Toutes</option>
            {orientationSources.map((source: OrientationSource) => (
              <option key={source} value={source}>
                {orientationSourceLabels[source]}
              </option>
            ))}
          </Select>
          <Select
            label="État"
            nativeSelectProps={{
              value: filters.status ?? '',
              onChange: (event) => setParam('etat', event.target.value || undefined),
            }}
          >
            <option value="">Tous</option>
            <option value="a_orienter">{orientationStatusLabels.a_orienter}</option>
            <option value="proposee">{orientationStatusLabels.proposee}</option>
          </Select>
        </div>
        <Checkbox
          options={[
            {
              label: 'En retard seulement',
              nativeInputProps: {
                checked: filters.overdueOnly === true,
                onChange: (event) => setParam('retard', event.target.checked ? '1' : undefined),
              },
            },
          ]}
        />
      </form>

      {queue.isPending && <Loading />}
      <ApiErrorAlert error={queue.error} title="La liste n’a pas pu être chargée" />
      {first && (
        <p
          role="status"
          className={first.total === 0 ? 'spie-empty-state fr-mt-2w' : 'fr-text--lead fr-mt-2w'}
        >
          {first.total === 0
            ? filtered
              ? 'Aucune personne ne correspond à ces critères.'
              : 'Personne n’attend d’orientation pour le moment.'
            : first.overdue === 0
              ? `${plural(first.total, 'personne')} à orienter, aucune en retard.`
              : `${plural(first.total, 'personne')} à orienter, dont ${first.overdue} en retard.`}
        </p>
      )}

      {items.length > 0 && (
        <>
          <div className="spie-actions">
            <Button
              iconId="fr-icon-check-line"
              disabled={selected.size === 0 || tooMany}
              onClick={() =>
                navigate('/orientations/decision-groupee', { state: { selection: [...selected.values()] } })
              }
            >
              Décision groupée ({plural(selected.size, 'personne')})
            </Button>
            {selected.size > 0 && (
              <Button priority="tertiary" onClick={() => setSelected(new Map())}>
                Vider la sélection
              </Button>
            )}
          </div>
          {tooMany && (
            <p className="fr-error-text" role="alert">
              Au plus {maxBulk} personnes par décision groupée : retirez-en {selected.size - maxBulk} de la
              sélection.
            </p>
          )}
          <QueueTable
            items={items}
            selected={selected}
            allShown={allShown}
            onToggle={toggle}
            onToggleAll={(on) => {
              for (const item of items) toggle(item, on);
            }}
          />
        </>
      )}
      <LoadMoreButton
        hasMore={queue.hasNextPage}
        loading={queue.isFetchingNextPage}
        onClick={() => queue.fetchNextPage()}
      />
    </>
  );
}

function QueueTable({
  items,
  selected,
  allShown,
  onToggle,
  onToggleAll,
}: {
  items: QueueItem[];
  selected: Map<string, BulkSelection>;
  allShown: boolean;
  onToggle: (item: QueueItem, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}) {
  const caption = 'Personnes à orienter';
  return (
    <div className="fr-table">
      <div className="fr-table__wrapper">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard */}
        <section className="fr-table__container" tabIndex={0} aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <div className="fr-checkbox-group fr-checkbox-group--sm">
                      <input
                        type="checkbox"
                        id="queue-select-all"
                        checked={allShown}
                        onChange={(event) => onToggleAll(event.target.checked)}
                      />
                      <label className="fr-label" htmlFor="queue-select-all">
                        <span className="fr-sr-only">Sélectionner toutes les personnes affichées</span>
                      </label>
                    </div>
                  </th>
                  <th scope="col">Nom</th>
                  <th scope="col">Date de naissance</th>
                  <th scope="col">Commune</th>
                  <th scope="col">Origine</th>
                  <th scope="col">Information reçue le</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Délai</th>
                  <th scope="col">Parcours recommandé</th>
                  <th scope="col">État</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const left = daysLeftLabel(item.daysLeft);
                  const checkboxId = `queue-select-${item.orientationId}`;
                  return (
                    <tr key={item.orientationId}>
                      <td>
                        <div className="fr-checkbox-group fr-checkbox-group--sm">
                          <input
                            type="checkbox"
                            id={checkboxId}
                            checked={selected.has(item.orientationId)}
                            onChange={(event) => onToggle(item, event.target.checked)}
                          />
                          <label className="fr-label" htmlFor={checkboxId}>
                            <span className="fr-sr-only">Sélectionner {item.displayName}</span>
                          </label>
                        </div>
                      </td>
                      <th scope="row">
                        <Link to={`/personnes/${item.personId}/orientation`}>{item.displayName}</Link>
                        {item.householdRole && (
                          <span className="spie-block fr-text--xs fr-mb-0">
                            {householdRoleLabels[item.householdRole]}
                          </span>
                        )}
                      </th>
                      <td>{formatDay(item.birthDate)}</td>
                      <td>{item.communeName ?? '—'}</td>
                      <td>{orientationSourceLabels[item.source]}</td>
                      <td>{formatDay(item.informationReceivedOn)}</td>
                      <td>{formatDay(item.deadline)}</td>
                      <td>
                        {left ? (
                          left.overdue ? (
                            <Badge severity="error" small as="span">
                              {left.text}
                            </Badge>
                          ) : (
                            <span className="spie-nowrap">{left.text}</span>
                          )
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {item.recommendedPath ? pathLabel(item.recommendedPath) : 'Pas encore de diagnostic'}
                      </td>
                      <td>
                        {orientationStatusLabels[item.status]}
                        {item.proposedPath && (
                          <span className="spie-block fr-text--xs fr-mb-0">
                            Parcours proposé : {pathLabel(item.proposedPath)}
                          </span>
                        )}
                      </td>
                      <td>
                        <Button
                          size="small"
                          priority="secondary"
                          linkProps={{
                            to: `/personnes/${item.personId}/orientation/${item.orientationId}/decision`,
                          }}
                        >
                          Orienter<span className="fr-sr-only"> {item.displayName}</span>
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
