import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  diFrais,
  diModesAccueil,
  diPublics,
  diThematiques,
  diTypes,
  thematiqueCategories,
  thematiqueCategoryLabels,
} from '@spie/contract/catalogue';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { CommuneField } from '../people/CommuneField';
import { useCatalogueSearch } from './catalogue.queries';
import {
  filtersFromParams,
  filtersToParams,
  radiusChoices,
  resultCountText,
  type SearchFilters,
} from './catalogueFormat';
import { ServiceCardItem } from './ServiceCardItem';

const title = 'Offres d’insertion';

/** The thematique choice: a whole category, or one of its sub-thematiques, grouped by category. */
export function ThematiqueSelect({
  value,
  onChange,
  label = 'Thématique',
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  return (
    <Select label={label} nativeSelectProps={{ value, onChange: (event) => onChange(event.target.value) }}>
      <option value="">Toutes les thématiques</option>
      {thematiqueCategories.map((category) => (
        <optgroup key={category} label={thematiqueCategoryLabels[category]}>
          <option value={category}>{thematiqueCategoryLabels[category]} : tout</option>
          {diThematiques
            .filter((t) => t.value.startsWith(`${category}--`))
            .map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
        </optgroup>
      ))}
    </Select>
  );
}

function SearchForm({ initial, onSearch }: { initial: SearchFilters; onSearch: (f: SearchFilters) => void }) {
  const [filters, setFilters] = useState<SearchFilters>(initial);
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  return (
    <form
      aria-label="Chercher une offre"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(filters);
      }}
    >
      <div className="spie-filters">
        <Input
          label="Que cherchez-vous ?"
          hintText="Par exemple : permis, français, CV, logement."
          nativeInputProps={{
            type: 'search',
            value: filters.q,
            autoComplete: 'off',
            onChange: (event) => set('q', event.target.value),
          }}
        />
        <div>
          <CommuneField
            label="Près de quelle commune ?"
            initialText={filters.communeName}
            chosenCode={filters.communeCode}
            onChoose={(choice) =>
              setFilters((current) => ({
                ...current,
                communeCode: choice?.code ?? '',
                communeName: choice?.name ?? '',
              }))
            }
          />
        </div>
        <Select
          label="Distance"
          nativeSelectProps={{
            value: String(filters.radiusKm),
            onChange: (event) => set('radiusKm', Number(event.target.value)),
          }}
        >
          {radiusChoices.map((km) => (
            <option key={km} value={km}>
              À moins de {km} km
            </option>
          ))}
        </Select>
      </div>
      <div className="spie-filters">
        <ThematiqueSelect value={filters.thematique} onChange={(value) => set('thematique', value)} />
        <Select
          label="Type d’offre"
          nativeSelectProps={{
            value: filters.type,
            onChange: (event) => set('type', event.target.value as SearchFilters['type']),
          }}
        >
          <option value="">Tous les types</option>
          {diTypes.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select
          label="Pour qui"
          nativeSelectProps={{
            value: filters.public,
            onChange: (event) => set('public', event.target.value as SearchFilters['public']),
          }}
        >
          <option value="">Tous les publics</option>
          {diPublics.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select
          label="Frais"
          nativeSelectProps={{
            value: filters.frais,
            onChange: (event) => set('frais', event.target.value as SearchFilters['frais']),
          }}
        >
          <option value="">Gratuit ou payant</option>
          {diFrais.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </Select>
        <Select
          label="Mode d’accueil"
          nativeSelectProps={{
            value: filters.modeAccueil,
            onChange: (event) => set('modeAccueil', event.target.value as SearchFilters['modeAccueil']),
          }}
        >
          <option value="">Sur place ou à distance</option>
          {diModesAccueil.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </Select>
      </div>
      <Checkbox
        options={[
          {
            label: 'Seulement les offres avec des places libres ou une session bientôt',
            nativeInputProps: {
              checked: filters.available,
              onChange: (event) => set('available', event.target.checked),
            },
          },
        ]}
      />
      <Button type="submit" iconId="fr-icon-search-line" iconPosition="left">
        Rechercher
      </Button>
    </form>
  );
}

/**
 * `/offres`: search the territory's catalogue. The filters live in the address (shareable, and the
 * back button returns to the previous search). Results: near the commune first, then remote offers.
 */
export function CatalogueSearchPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const personId = params.get('personne') ?? undefined;
  const search = useCatalogueSearch(filters);
  const firstPage = search.data?.pages[0];
  const nearby = search.data?.pages.flatMap((page) => page.nearby) ?? [];
  const remote = firstPage?.remote ?? [];
  const communeName = firstPage?.commune?.name ?? (filters.communeName || null);

  const onSearch = (next: SearchFilters) => {
    const nextParams = filtersToParams(next);
    if (personId) nextParams.set('personne', personId);
    setParams(nextParams);
  };

  return (
    <>
      <PageBreadcrumb current={title} />
      <PageHeading title={title} />
      <p>
        Trouvez une offre pour une personne : formation, aide à la mobilité, atelier, accompagnement…
        Choisissez une commune pour voir les offres les plus proches d’abord.
      </p>
      <SearchForm key={params.toString()} initial={filters} onSearch={onSearch} />

      <h2 className="fr-mt-4w">Résultats</h2>
      {search.isPending && <Loading />}
      <ApiErrorAlert error={search.error} title="La recherche n’a pas abouti" />
      {firstPage && (
        <p className="fr-text--lead" role="status">
          {resultCountText(
            firstPage.total,
            filters.communeCode ? communeName : null,
            filters.radiusKm,
            firstPage.totalCapped,
          )}
        </p>
      )}
      {firstPage && nearby.length === 0 && (
        <p className="spie-empty-state">
          Aucune offre ne correspond. Essayez une distance plus grande, une autre thématique ou moins de
          filtres.
        </p>
      )}
      {nearby.length > 0 && (
        <ul className="spie-plain-list" aria-label="Offres trouvées">
          {nearby.map((card) => (
            <ServiceCardItem key={card.id} card={card} personId={personId} />
          ))}
        </ul>
      )}
      <LoadMoreButton
        hasMore={search.hasNextPage}
        loading={search.isFetchingNextPage}
        onClick={() => search.fetchNextPage()}
      />

      {firstPage && (
        <>
          <h2 className="fr-mt-4w">Offres à distance</h2>
          {remote.length === 0 ? (
            <p className="spie-empty-state">Aucune offre à distance ne correspond à cette recherche.</p>
          ) : (
            <ul className="spie-plain-list" aria-label="Offres à distance">
              {remote.map((card) => (
                <ServiceCardItem key={card.id} card={card} personId={personId} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
