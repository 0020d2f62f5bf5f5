import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  type ReferralStatus,
  referralStatus,
  referralStatuses,
  referralStatusLabels,
} from '@spie/contract/referrals';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/auth.queries';
import { formatDay } from '../people/peopleFormat';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { countsText, daysLeftText } from './referralFormat';
import { useReferralList } from './referrals.queries';
import './referrals.css';

type Box = 'recues' | 'envoyees';
const boxLabels: Record<Box, string> = { recues: 'Reçues par ma structure', envoyees: 'Envoyées' };

/** `/prescriptions`: referrals received by my organisation or sent, by status, with « Voir plus ». */
export function ReferralsListPage() {
  const [params, setParams] = useSearchParams();
  const role = useSession().data?.activeMembership?.role;
  const box: Box =
    params.get('boite') === 'recues' || params.get('boite') === 'envoyees'
      ? (params.get('boite') as Box)
      : role === 'structure_manager'
        ? 'recues'
        : 'envoyees';
  const parsedStatus = referralStatus.safeParse(params.get('etat'));
  const status: ReferralStatus | undefined = parsedStatus.success ? parsedStatus.data : undefined;
  const list = useReferralList(box === 'recues' ? 'received' : 'sent', status);
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts ?? {};

  const update = (next: { boite?: Box; etat?: string }) => {
    const search = new URLSearchParams(params);
    if (next.boite) search.set('boite', next.boite);
    if (next.etat !== undefined) {
      if (next.etat) search.set('etat', next.etat);
      else search.delete('etat');
    }
    setParams(search);
  };

  return (
    <>
      <PageHeading title="Prescriptions" />
      <nav aria-label="Boîtes de prescriptions" className="fr-mb-3w">
        <ul className="spie-actions spie-plain-list">
          {(Object.keys(boxLabels) as Box[]).map((value) => (
            <li key={value}>
              <Link
                className={`fr-btn ${value === box ? '' : 'fr-btn--secondary'}`}
                to={`/prescriptions?boite=${value}`}
                aria-current={value === box ? 'page' : undefined}
              >
                {boxLabels[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{boxLabels[box]}</h2>
      <Select
        label="État"
        nativeSelectProps={{
          id: 'referrals-status',
          value: status ?? '',
          onChange: (e) => update({ etat: e.target.value }),
        }}
      >
        <option value="">Tous les états</option>
        {referralStatuses.map((value) => (
          <option key={value} value={value}>
            {referralStatusLabels[value]}
            {counts[value] !== undefined ? ` (${counts[value]})` : ''}
          </option>
        ))}
      </Select>
      {list.data && <p>{countsText(counts)}</p>}
      {list.isPending && <Loading label="Chargement des prescriptions…" />}
      <ApiErrorAlert error={list.error} title="Les prescriptions n’ont pas pu être chargées" />
      {list.data &&
        (items.length === 0 ? (
          <p className="spie-empty-state">Aucune prescription{status ? ' dans cet état' : ''}.</p>
        ) : (
          <DataTable
            caption={boxLabels[box]}
            headers={[
              'Personne',
              'Offre',
              'État',
              box === 'recues' ? 'Envoyée par' : 'Structure',
              'Envoyée le',
              'Réponse attendue',
            ]}
            rows={items.map((line) => ({
              key: line.id,
              cells: [
                <Link key="link" to={`/prescriptions/${line.id}`}>
                  {line.person.firstName} {line.person.lastName}
                  <span className="fr-sr-only"> — {line.service.nom}</span>
                </Link>,
                line.service.nom,
                <ReferralStatusBadge key="status" status={line.status} />,
                box === 'recues' ? line.senderOrganisation : line.receivingOrganisation,
                formatDay(line.createdAt),
                daysLeftText(line.daysLeft),
              ],
            }))}
          />
        ))}
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      />
    </>
  );
}
