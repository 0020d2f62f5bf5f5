import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { peopleRoutes } from '@spie/contract/people';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldState } from '../../components/fieldState';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { DirectoryCardView } from './DirectoryCardView';
import { PeopleTable } from './PeopleTable';
import { type DirectoryQuery, useDirectory, usePeopleSearch } from './people.queries';
import { plural } from './peopleFormat';
import { accompanyingRoles } from './RequireAnyRole';
import { useDebounced } from './useDebounced';

export function PeopleSearchPage() {
  const role = useSession().data?.activeMembership?.role;
  const accompanies = role ? accompanyingRoles.includes(role) : false;
  return (
    <>
      <PageBreadcrumb
        current="Rechercher une personne"
        parents={accompanies ? [{ label: 'Personnes accompagnées', to: '/personnes' }] : []}
      />
      <PageHeading title="Rechercher une personne" />
      <SearchSection />
      {accompanies && <DirectorySection />}
    </>
  );
}

function SearchSection() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = usePeopleSearch(q);
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const active = q.length >= 2;

  let announcement = '';
  if (text.trim().length === 1) announcement = 'Tapez au moins 2 caractères.';
  else if (active && search.isFetching && !search.isFetchingNextPage) announcement = 'Recherche en cours…';
  else if (active && search.data)
    announcement =
      items.length === 0
        ? `Aucune personne trouvée pour « ${q} » parmi celles que vous pouvez consulter.`
        : `${plural(items.length, 'personne trouvée', 'personnes trouvées')}${search.hasNextPage ? ' (il y en a d’autres)' : ''}.`;

  return (
    <section aria-labelledby="search-title" className="fr-mb-6w">
      <h2 id="search-title" className="fr-h4">
        Parmi les personnes que je peux consulter
      </h2>
      <form aria-label="Rechercher parmi mes dossiers" onSubmit={(event) => event.preventDefault()}>
        <Input
          label="Nom, date de naissance ou identifiant"
          hintText="Par exemple « Martin », « 14/03/1990 », un NIR, un matricule CAF ou un identifiant France Travail. Les résultats s’affichent pendant que vous tapez."
          nativeInputProps={{
            type: 'search',
            value: text,
            autoComplete: 'off',
            spellCheck: false,
            maxLength: 100,
            onChange: (event) => setText(event.target.value),
          }}
        />
      </form>
      <p role="status" aria-live="polite" className="fr-text--sm">
        {announcement}
      </p>
      <ApiErrorAlert error={search.error} title="La recherche n’a pas abouti" />
      {active && items.length > 0 && <PeopleTable caption={`Résultats pour « ${q} »`} people={items} />}
      {active && (
        <LoadMoreButton
          hasMore={search.hasNextPage}
          loading={search.isFetchingNextPage}
          onClick={() => search.fetchNextPage()}
        />
      )}
    </section>
  );
}

const directoryQuery = peopleRoutes.directory.query;

function DirectorySection() {
  const [draft, setDraft] = useState({ lastName: '', firstName: '', birthDate: '', nir: '' });
  const [query, setQuery] = useState<DirectoryQuery | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const directory = useDirectory(query);
  const items = directory.data?.items ?? [];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = {
      lastName: draft.lastName.trim() || undefined,
      firstName: draft.firstName.trim() || undefined,
      birthDate: draft.birthDate || undefined,
      nir: draft.nir.replace(/\s/g, '') || undefined,
    };
    const parsed = directoryQuery.safeParse(candidate);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'lastName');
        next[key] ??=
          issue.message.startsWith('Too') || issue.message.startsWith('Invalid')
            ? 'Valeur invalide.'
            : issue.message;
      }
      if (next.nir) next.nir = 'Le NIR comporte 15 caractères (13 chiffres et une clé).';
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) document.getElementById(`directory-${first}`)?.focus();
      return;
    }
    setErrors({});
    setQuery(candidate);
  };

  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title" className="fr-h4">
        La personne n’est pas dans vos dossiers ? Cherchez dans l’annuaire du territoire
      </h2>
      <p>
        L’annuaire indique seulement si la personne est déjà accompagnée, et par qui. Pour voir son dossier,
        demandez à rejoindre son équipe : le ou la référent·e décidera.
      </p>
      <form noValidate aria-label="Chercher dans l’annuaire du territoire" onSubmit={submit}>
        <p className="fr-text--sm">
          Indiquez le nom et la date de naissance, ou le NIR. Les champs marqués d’un astérisque (*) sont
          nécessaires pour chercher par nom.
        </p>
        <div className="spie-filters">
          <Input
            label="Nom *"
            nativeInputProps={{
              id: 'directory-lastName',
              value: draft.lastName,
              autoComplete: 'off',
              onChange: (event) => setDraft({ ...draft, lastName: event.target.value }),
            }}
            {...fieldState(errors.lastName ? { message: errors.lastName } : undefined)}
          />
          <Input
            label="Prénom (facultatif)"
            nativeInputProps={{
              id: 'directory-firstName',
              value: draft.firstName,
              autoComplete: 'off',
              onChange: (event) => setDraft({ ...draft, firstName: event.target.value }),
            }}
            {...fieldState(errors.firstName ? { message: errors.firstName } : undefined)}
          />
          <Input
            label="Date de naissance *"
            nativeInputProps={{
              id: 'directory-birthDate',
              type: 'date',
              value: draft.birthDate,
              onChange: (event) => setDraft({ ...draft, birthDate: event.target.value }),
            }}
            {...fieldState(errors.birthDate ? { message: errors.birthDate } : undefined)}
          />
        </div>
        <Input
          label="Ou le NIR (numéro de sécurité sociale)"
          hintText="15 caractères, par exemple 2 82 02 75 123 456 25."
          nativeInputProps={{
            id: 'directory-nir',
            value: draft.nir,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (event) => setDraft({ ...draft, nir: event.target.value }),
          }}
          {...fieldState(errors.nir ? { message: errors.nir } : undefined)}
        />
        <Button
          type="submit"
          priority="secondary"
          iconId="fr-icon-search-line"
          disabled={directory.isFetching}
        >
          {directory.isFetching ? 'Recherche…' : 'Chercher dans l’annuaire'}
        </Button>
      </form>
      <div className="fr-mt-3w">
        <ApiErrorAlert error={directory.error} title="L’annuaire n’a pas pu être consulté" />
        <p role="status" aria-live="polite">
          {query && directory.data
            ? items.length === 0
              ? 'Personne dans l’annuaire ne correspond. Vous pouvez créer son dossier.'
              : `${plural(items.length, 'personne trouvée', 'personnes trouvées')} dans l’annuaire.`
            : ''}
        </p>
        {query && directory.data && items.length === 0 && (
          <Button linkProps={{ to: '/personnes/nouvelle' }} iconId="fr-icon-add-line">
            Créer un dossier
          </Button>
        )}
        {items.map((card) => (
          <DirectoryCardView key={card.personId} card={card} />
        ))}
      </div>
    </section>
  );
}
