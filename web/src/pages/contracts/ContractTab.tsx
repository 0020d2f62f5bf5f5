import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { usePersonContext } from '../people/PersonLayout';
import { ContractHistory } from './ContractHistory';
import { ContractView } from './ContractView';
import { usePersonContracts } from './contracts.queries';
import { NoContractSection } from './NoContractSection';

/** « Contrat & plan d’action »: the contract in force (or how to start one), then previous contracts. */
export function ContractTab() {
  const { person } = usePersonContext();
  const contracts = usePersonContracts(person.id);
  const data = contracts.data;
  const [success, setSuccess] = useState<{ message: string; n: number } | null>(null);
  const notify = (message: string) => setSuccess((last) => ({ message, n: (last?.n ?? 0) + 1 }));
  const canWrite = data?.canWrite === true && !person.mergedInto;

  return (
    <>
      <h2>Contrat & plan d’action</h2>
      {contracts.isPending && <Loading label="Chargement du contrat…" />}
      <ApiErrorAlert error={contracts.error} title="Le contrat n’a pas pu être chargé" />
      {success && <SuccessAlert key={success.n} title={success.message} />}
      {data &&
        (data.current ? (
          <ContractView
            personId={person.id}
            contract={data.current}
            readOnly={!canWrite}
            onDone={notify}
            onReload={() => void contracts.refetch()}
          />
        ) : (
          <NoContractSection personId={person.id} data={{ ...data, canWrite }} onDone={notify} />
        ))}
      {data && (
        <ContractHistory personId={person.id} history={data.history} canWrite={canWrite} onDone={notify} />
      )}
    </>
  );
}
