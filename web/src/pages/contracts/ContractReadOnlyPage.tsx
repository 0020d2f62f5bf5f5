import { contractKindLabels } from '@spie/contract/contracts';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { ContractView } from './ContractView';
import { useContract } from './contracts.queries';

/** A previous contract, read only (`/personnes/:id/contrat/:contractId`). */
export function ContractReadOnlyPage() {
  const { person } = usePersonContext();
  const contractId = useParams().contractId ?? '';
  const contract = useContract(contractId);
  const data = contract.data;

  return (
    <>
      <p>
        <Link
          to={`/personnes/${person.id}/contrat`}
          className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
        >
          Retour au contrat en cours
        </Link>
      </p>
      <h2>
        {data
          ? `${contractKindLabels[data.kind]}${data.startOn ? ` du ${formatDay(data.startOn)}` : ''}`
          : 'Contrat précédent'}
      </h2>
      {contract.isPending && <Loading label="Chargement du contrat…" />}
      <ApiErrorAlert error={contract.error} title="Le contrat n’a pas pu être chargé" />
      {data && (
        <>
          <p className="fr-text--sm">Contrat en lecture seule : il ne peut plus être modifié.</p>
          <ContractView
            personId={person.id}
            contract={data}
            readOnly
            onDone={() => undefined}
            onReload={() => void contract.refetch()}
          />
        </>
      )}
    </>
  );
}
