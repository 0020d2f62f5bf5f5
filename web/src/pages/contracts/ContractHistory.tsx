import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  type ContractSummary,
  contractEndReasonLabels,
  contractKindLabels,
  contractStatusLabels,
} from '@spie/contract/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../people/peopleFormat';
import { LegacyContractForm } from './LegacyContractForm';

/** Previous contracts (engagement contracts and older PPAE, CER, CEJ, PACEA), newest first. */
export function ContractHistory({
  personId,
  history,
  canWrite,
  onDone,
}: {
  personId: string;
  history: ContractSummary[];
  canWrite: boolean;
  onDone: (message: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (adding) document.getElementById('legacy-title')?.focus();
  }, [adding]);

  return (
    <section aria-labelledby="history-title" className="fr-mt-6w">
      <h3 id="history-title">Contrats précédents</h3>
      {history.length === 0 ? (
        <p className="spie-empty-state">Aucun contrat précédent.</p>
      ) : (
        <DataTable
          caption="Contrats précédents de la personne"
          headers={['Contrat', 'Période', 'Structure', 'État', 'Motif de fin']}
          rows={history.map((contract) => ({
            key: contract.id,
            cells: [
              <Link key="link" to={`/personnes/${personId}/contrat/${contract.id}`}>
                {contractKindLabels[contract.kind]}
                <span className="fr-sr-only"> du {formatDay(contract.startOn)}</span>
              </Link>,
              `${contract.startOn ? `Du ${formatDay(contract.startOn)}` : 'Début inconnu'}${
                contract.endOn ? ` au ${formatDay(contract.endOn)}` : ''
              }`,
              contract.organisation?.name ?? contract.organisationName ?? '—',
              contractStatusLabels[contract.status],
              contract.endReason ? contractEndReasonLabels[contract.endReason] : '—',
            ],
          }))}
        />
      )}
      {canWrite && !adding && (
        <Button priority="secondary" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
          Enregistrer un ancien contrat (PPAE, CER, CEJ, PACEA)
        </Button>
      )}
      {canWrite && adding && (
        <LegacyContractForm
          personId={personId}
          onDone={(message) => {
            setAdding(false);
            onDone(message);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </section>
  );
}
