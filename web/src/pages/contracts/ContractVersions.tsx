import { buildPath, peopleRoutes } from '@spie/contract';
import { type Contract, signatureModeLabels } from '@spie/contract/contracts';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';

const documentUrl = (id: string) => buildPath(peopleRoutes.downloadDocument.path, { id });

/** Every signed version (the first, then each amendment), with its PDF. */
export function ContractVersions({ contract }: { contract: Contract }) {
  return (
    <section aria-labelledby="versions-title" className="fr-mt-6w">
      <h3 id="versions-title">Versions signées</h3>
      {contract.versions.length === 0 ? (
        <p className="spie-empty-state">Le contrat n’a pas encore été signé.</p>
      ) : (
        <DataTable
          caption="Versions signées du contrat"
          headers={['Version', 'Signée le', 'Comment', 'Avenant', 'Document']}
          rows={contract.versions.map((version) => ({
            key: String(version.version),
            cells: [
              `Version ${version.version}`,
              formatDateTime(version.signedAt),
              <span key="mode">
                {signatureModeLabels[version.signatureMode]}
                {version.channel && ` (${version.channel === 'sms' ? 'SMS' : 'e-mail'})`}
                {version.recordedBy && (
                  <span className="spie-block fr-text--xs fr-mb-0">
                    Enregistrée par {version.recordedBy.name}
                  </span>
                )}
              </span>,
              version.amendment ? 'Avenant' : 'Non (première signature)',
              <span key="doc">
                {version.documentId ? (
                  <a href={documentUrl(version.documentId)} download>
                    Télécharger le contrat signé (PDF)
                    <span className="fr-sr-only"> — version {version.version}</span>
                  </a>
                ) : (
                  'Le PDF est en préparation.'
                )}
                {version.scanDocumentId && (
                  <a className="spie-block" href={documentUrl(version.scanDocumentId)} download>
                    Télécharger le scan signé
                    <span className="fr-sr-only"> — version {version.version}</span>
                  </a>
                )}
              </span>,
            ],
          }))}
        />
      )}
    </section>
  );
}
