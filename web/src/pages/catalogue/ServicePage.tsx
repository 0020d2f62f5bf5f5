import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import {
  fraisLabels,
  modeAccueilLabels,
  modeMobilisationLabels,
  personneMobilisatriceLabels,
  publicationStatusLabels,
  publicLabels,
  type ServiceView,
  serviceTypeLabels,
  sessionModeLabels,
  sessionStatusLabels,
  thematiqueLabels,
} from '@spie/contract/catalogue';
import { Fragment, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useService } from './catalogue.queries';
import { formatCount, formatIsoDate, placesLabel, qualityLabel, statusSeverity } from './catalogueFormat';

function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return <p className="spie-empty-state">Non renseigné.</p>;
  return (
    <dl className="spie-facts">
      {shown.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

const list = <T extends string>(values: T[] | null, labels: Record<T, string>): string | null =>
  values && values.length > 0 ? values.map((v) => labels[v] ?? v).join(', ') : null;

function Places({ service }: { service: ServiceView }) {
  const p = service.places;
  if (p.capacity === null) {
    return <p>Cette offre ne compte pas de places : renseignez-vous auprès de la structure.</p>;
  }
  return (
    <Facts
      items={[
        ['Places', formatCount(p.capacity)],
        ['Occupées', formatCount(p.occupied)],
        ['Libres', placesLabel(p.free, p.waiting)],
        ['En liste d’attente', p.waiting > 0 ? formatCount(p.waiting) : 'Personne'],
      ]}
    />
  );
}

/**
 * `/offres/services/:id`: what the offer is, for whom, where, how to access it, places left and
 * next sessions. Coming from a person (`?personne=<id>`), « Prescrire cette offre » leads to the
 * referral form for that person.
 */
export function ServicePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const personId = params.get('personne');
  const service = useService(id);
  const data = service.data;
  const title = data?.di.nom ?? 'Offre';

  return (
    <>
      <PageBreadcrumb current={title} parents={[{ label: 'Offres d’insertion', to: '/offres' }]} />
      <PageHeading title={title} />
      {service.isPending && <Loading />}
      <ApiErrorAlert error={service.error} title="L’offre n’a pas pu être chargée" />
      {data && (
        <>
          <p className="fr-text--lead fr-mb-1w">{data.structure.nom}</p>
          <p className="spie-badge-list">
            <Badge severity={statusSeverity[data.status]} noIcon small>
              {publicationStatusLabels[data.status]}
              {data.status === 'suspendu' && data.suspendedUntil
                ? ` jusqu’au ${formatIsoDate(data.suspendedUntil)}`
                : ''}
            </Badge>
            {data.stale && (
              <Badge severity="warning" noIcon small>
                À mettre à jour
              </Badge>
            )}
          </p>
          {data.referralBlockedReason && (
            <Alert className="fr-mb-3w" severity="info" small description={data.referralBlockedReason} />
          )}
          <div className="spie-actions">
            {personId && data.status === 'publie' && data.spie.acceptsReferrals && (
              <Link
                className="fr-btn"
                to={`/personnes/${encodeURIComponent(personId)}/prescriptions/nouvelle?service=${encodeURIComponent(data.di.id)}`}
              >
                Prescrire cette offre
              </Link>
            )}
            {data.canManage && (
              <Link
                className="fr-btn fr-btn--secondary"
                to={`/offres/gestion/services/${encodeURIComponent(data.di.id)}`}
              >
                Modifier cette offre
              </Link>
            )}
          </div>
          {!personId && (
            <p className="fr-text--sm">
              Pour prescrire cette offre, ouvrez le dossier de la personne, puis « Offres pour cette personne
              » ou « Prescriptions » : l’offre sera proposée pour elle.
            </p>
          )}

          <h2>De quoi s’agit-il ?</h2>
          <p className="spie-message-body">{data.di.description}</p>
          <Facts
            items={[
              ['Type d’offre', data.di.type ? serviceTypeLabels[data.di.type] : null],
              [
                'Thématiques',
                data.di.thematiques && data.di.thematiques.length > 0 ? (
                  <ul key="thematiques" className="spie-plain-list">
                    {data.di.thematiques.map((t) => (
                      <li key={t}>{thematiqueLabels[t] ?? t}</li>
                    ))}
                  </ul>
                ) : null,
              ],
              [
                'Durée',
                [
                  data.di.volume_horaire_hebdomadaire !== null
                    ? `${formatCount(data.di.volume_horaire_hebdomadaire)} h par semaine`
                    : null,
                  data.di.nombre_semaines !== null
                    ? `${formatCount(data.di.nombre_semaines)} semaines`
                    : null,
                ]
                  .filter(Boolean)
                  .join(', '),
              ],
            ]}
          />

          <h2>Pour qui ?</h2>
          <Facts
            items={[
              ['Publics', list(data.di.publics, publicLabels)],
              ['Précisions', data.di.publics_precisions],
              ['Conditions d’accès', data.di.conditions_acces],
              [
                'Zone',
                data.di.zone_eligibilite && data.di.zone_eligibilite.length > 0
                  ? data.di.zone_eligibilite.join(', ')
                  : null,
              ],
            ]}
          />

          <h2>Où ?</h2>
          <Facts
            items={[
              [
                'Adresse',
                [
                  data.di.adresse,
                  data.di.complement_adresse,
                  [data.di.code_postal, data.di.commune].filter(Boolean).join(' '),
                ]
                  .filter(Boolean)
                  .join(', '),
              ],
              ['Mode d’accueil', list(data.di.modes_accueil, modeAccueilLabels)],
              ['Horaires', data.di.horaires_accueil],
            ]}
          />

          <h2>Comment y accéder ?</h2>
          <Facts
            items={[
              ['Comment faire', list(data.di.modes_mobilisation, modeMobilisationLabels)],
              ['Qui peut demander', list(data.di.mobilisable_par, personneMobilisatriceLabels)],
              ['Précisions', data.di.mobilisation_precisions],
              [
                'Lien',
                data.di.lien_mobilisation ? (
                  <a
                    key="lien"
                    href={data.di.lien_mobilisation}
                    target="_blank"
                    rel="noreferrer"
                    className="spie-break"
                  >
                    {data.di.lien_mobilisation} (nouvelle fenêtre)
                  </a>
                ) : null,
              ],
              ['Contact', data.di.contact_nom_prenom],
              ['Téléphone', data.di.telephone],
              [
                'Courriel',
                data.di.courriel ? (
                  <a key="courriel" href={`mailto:${data.di.courriel}`} className="spie-break">
                    {data.di.courriel}
                  </a>
                ) : null,
              ],
            ]}
          />

          <h2>Frais</h2>
          <Facts
            items={[
              ['Frais', data.di.frais ? fraisLabels[data.di.frais] : null],
              ['Précisions', data.di.frais_precisions],
            ]}
          />

          <h2>Places</h2>
          <Places service={data} />

          <h2>Prochaines sessions</h2>
          {data.nextSessions.length === 0 ? (
            <p className="spie-empty-state">Aucune session à venir.</p>
          ) : (
            <DataTable
              caption="Prochaines sessions"
              captionHidden
              headers={['Session', 'Dates', 'Modalité', 'Horaires', 'Places libres', 'État']}
              rows={data.nextSessions.map((s) => ({
                key: s.id,
                cells: [
                  s.label ?? `Session du ${formatIsoDate(s.startDate)}`,
                  s.endDate
                    ? `Du ${formatIsoDate(s.startDate)} au ${formatIsoDate(s.endDate)}`
                    : `À partir du ${formatIsoDate(s.startDate)}`,
                  sessionModeLabels[s.mode],
                  s.schedule ?? '—',
                  placesLabel(s.free, s.waiting) ?? 'Non comptées',
                  sessionStatusLabels[s.status],
                ],
              }))}
            />
          )}

          {data.canManage && (
            <>
              <h2>Qualité de la fiche</h2>
              <p>
                {qualityLabel(data.quality.score)}. Une fiche complète aide les professionnels à choisir la
                bonne offre.
              </p>
              <ul>
                {data.quality.criteria
                  .filter((c) => c.advice)
                  .map((c) => (
                    <li key={c.id}>
                      <strong>{c.label} :</strong> {c.advice}
                    </li>
                  ))}
              </ul>
            </>
          )}
          <p className="fr-text--xs spie-muted">
            Mise à jour le {formatIsoDate(data.di.date_maj)}
            {data.owner ? ` par ${data.owner.name}` : ''}.
          </p>
        </>
      )}
    </>
  );
}
