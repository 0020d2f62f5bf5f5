import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu';
import type { PersonRecord } from '@spie/contract/people';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { usePerson } from './people.queries';

export interface PersonTab {
  /** Path below `/personnes/:id` ('' for the summary). */
  path: string;
  label: string;
  visible: (person: PersonRecord) => boolean;
}

const managesTeam = (person: PersonRecord) => person.myRole === 'referent' || person.myRole === 'co_referent';

/** The record's sections; a tab is offered only when the server says its section can be read. */
export const personTabs: PersonTab[] = [
  { path: '', label: 'Synthèse', visible: () => true },
  {
    path: 'situation',
    label: 'Situation',
    visible: (p) => p.access.identity?.read === true || p.access.situation?.read === true,
  },
  { path: 'diagnostic', label: 'Diagnostic', visible: (p) => p.access.diagnostic?.read === true },
  {
    // Who decides, who receives the person and who accompanies them read the situation section.
    path: 'orientation',
    label: 'Orientation',
    visible: (p) => p.access.situation?.read === true,
  },
  {
    path: 'contrat',
    label: 'Contrat & plan d’action',
    visible: (p) => p.access.journey?.read === true,
  },
  { path: 'rendez-vous', label: 'Rendez-vous', visible: (p) => p.access.journey?.read === true },
  { path: 'prescriptions', label: 'Prescriptions', visible: (p) => p.access.journey?.read === true },
  { path: 'parcours', label: 'Parcours', visible: (p) => p.access.journey?.read === true },
  { path: 'equipe', label: 'Équipe', visible: () => true },
  { path: 'documents', label: 'Documents', visible: (p) => p.access.documents?.read === true },
  {
    path: 'consentements',
    label: 'Information et consentements',
    visible: (p) => managesTeam(p) || p.access.identity?.write === true,
  },
  {
    path: 'consultations',
    label: 'Journal des consultations',
    visible: (p) => p.access.consultations?.read === true,
  },
  {
    path: 'informations-sensibles',
    label: 'Informations sensibles',
    visible: (p) => p.access.sensitive?.read === true,
  },
];

export interface PersonContext {
  person: PersonRecord;
}

export function usePersonContext(): PersonContext {
  return useOutletContext<PersonContext>();
}

/**
 * The person page: the name as h1, a side menu of the sections this professional may read (one
 * URL per section, so it can be shared and bookmarked) and the current section below.
 */
export function PersonLayout() {
  const id = useParams().id ?? '';
  const { pathname, state } = useLocation();
  const person = usePerson(id);
  const role = useSession().data?.activeMembership?.role;
  const data = person.data;
  const base = `/personnes/${id}`;
  const current = pathname.slice(base.length).replace(/^\//, '').replace(/\/$/, '');
  const tabs = data ? personTabs.filter((tab) => tab.visible(data)) : [];
  // Pages below a section (the orientation decision form, a previous contract) belong to it.
  const currentTab =
    personTabs.find((tab) => tab.path === current) ??
    personTabs.find((tab) => tab.path !== '' && current.startsWith(`${tab.path}/`));
  const created = Boolean((state as { created?: boolean } | null)?.created);
  const accompanies = role === 'professional' || role === 'social_worker' || role === 'structure_manager';

  return (
    <>
      <PageBreadcrumb
        current={data?.displayName ?? 'Dossier'}
        parents={
          accompanies
            ? [{ label: 'Personnes accompagnées', to: '/personnes' }]
            : role === 'orientation_manager'
              ? [{ label: 'À orienter', to: '/orientations/a-orienter' }]
              : [{ label: 'Rechercher une personne', to: '/personnes/recherche' }]
        }
      />
      <PageHeading title={`${currentTab?.label ?? 'Dossier'} — ${data?.displayName ?? 'Dossier'}`}>
        {data?.displayName ?? 'Dossier de la personne'}
      </PageHeading>
      {person.isPending && <Loading label="Chargement du dossier…" />}
      <ApiErrorAlert error={person.error} title="Le dossier n’a pas pu être affiché" />
      {created && current === '' && <SuccessAlert title="Le dossier est créé." />}
      {data?.mergedInto && (
        <Alert
          className="fr-mb-3w"
          severity="info"
          title="Ce dossier a été fusionné dans un autre"
          description={
            <>
              Les informations sont tenues à jour dans le dossier conservé :{' '}
              <Link to={`/personnes/${data.mergedInto}`}>ouvrir le dossier conservé</Link>.
            </>
          }
        />
      )}
      {data && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <SideMenu
              align="left"
              burgerMenuButtonText="Rubriques du dossier"
              title="Rubriques du dossier"
              items={tabs.map((tab) => ({
                text: tab.label,
                linkProps: { to: tab.path ? `${base}/${tab.path}` : base },
                isActive: tab.path === currentTab?.path,
              }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-9">
            {currentTab && !currentTab.visible(data) ? (
              <>
                <h2>{currentTab.label}</h2>
                <p>Votre rôle ne vous permet pas de voir cette rubrique du dossier.</p>
              </>
            ) : (
              <Outlet context={{ person: data } satisfies PersonContext} />
            )}
            <p className="fr-text--sm spie-empty-state fr-mt-6w">
              Vous voyez ce qui est utile à votre rôle. Les informations de santé ou de justice ne sont
              visibles que des travailleurs sociaux de l’équipe ou avec l’accord de la personne.
            </p>
          </div>
        </div>
      )}
    </>
  );
}
