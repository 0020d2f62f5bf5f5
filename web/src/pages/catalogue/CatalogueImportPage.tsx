import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import {
  IMPORT_MAX_BYTES,
  type ImportKind,
  type ImportReport,
  importKinds,
  rowOutcomeLabels,
} from '@spie/contract/catalogue';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { PageBreadcrumb } from '../../components/PageBreadcrumb';
import { PageHeading } from '../../components/PageHeading';
import { useImportFile } from './catalogue.queries';
import { formatBytes, formatCount, importFormatOf, importKindLabels, importSummary } from './catalogueFormat';
import { ExportLinks } from './MyServicesPage';

const title = 'Importer des offres';

function Report({ report }: { report: ImportReport }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const t = report.totals;
  return (
    <section aria-labelledby="import-report-title" className="fr-mt-4w">
      <h2 id="import-report-title" tabIndex={-1} ref={ref}>
        {report.dryRun ? 'Résultat de la vérification' : 'Résultat de l’import'}
      </h2>
      <Alert
        className="fr-mb-3w"
        severity={t.rejected > 0 ? 'warning' : 'success'}
        small
        role="status"
        description={importSummary(report)}
      />
      <DataTable
        caption="Totaux"
        headers={['Lignes', 'Nouvelles', 'Modifiées', 'Inchangées', 'Rejetées', 'Avertissements']}
        rows={[
          {
            key: 'totals',
            cells: [
              formatCount(t.rows),
              formatCount(t.created),
              formatCount(t.updated),
              formatCount(t.unchanged),
              formatCount(t.rejected),
              formatCount(t.warnings),
            ],
          },
        ]}
      />
      {report.rows.length > 0 && (
        <DataTable
          caption="Lignes avec une remarque ou un changement"
          headers={['Ligne', 'Identifiant et nom', 'Résultat', 'Remarques']}
          rows={report.rows.map((row) => ({
            key: `${row.row}-${row.id ?? ''}`,
            cells: [
              `Ligne ${row.row}`,
              <span key="id">
                {row.nom ?? '—'}
                {row.id && <span className="spie-block fr-text--xs fr-mb-0 spie-break">{row.id}</span>}
              </span>,
              rowOutcomeLabels[row.outcome],
              row.issues.length === 0 ? (
                '—'
              ) : (
                <ul key="issues" className="spie-plain-list">
                  {row.issues.map((issue, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and keep their order
                    <li key={index} className="fr-mb-1v">
                      <Tag small>{issue.severity === 'erreur' ? 'Erreur' : 'Avertissement'}</Tag>{' '}
                      {issue.field && <strong>{issue.field} : </strong>}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              ),
            ],
          }))}
        />
      )}
      {report.truncated && (
        <p className="fr-text--sm">Seules les 2 000 premières lignes avec une remarque sont affichées.</p>
      )}
    </section>
  );
}

/**
 * `/territoire/catalogue/import` (territory administration): a data·inclusion file of structures
 * or services, checked first (« Vérifier sans importer »), then imported. Nothing is half-written:
 * the server refuses the whole file or writes every good row.
 */
export function CatalogueImportPage() {
  const [kind, setKind] = useState<ImportKind>('structures');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importFile = useImportFile();
  const fileId = useId();
  const format = file ? importFormatOf(file.name) : null;

  const run = (dryRun: boolean) => {
    setFileError(null);
    importFile.reset();
    if (!file) return setFileError('Choisissez un fichier.');
    if (!format) return setFileError('Ce fichier n’est pas au format JSON, CSV ou XLSX.');
    if (file.size > IMPORT_MAX_BYTES)
      return setFileError(
        `Le fichier est trop gros (${formatBytes(file.size)}) : ${formatBytes(IMPORT_MAX_BYTES)} au plus. Découpez-le en plusieurs fichiers.`,
      );
    importFile.mutate({ kind, format, dryRun, file });
  };

  return (
    <>
      <PageBreadcrumb current={title} parents={[{ label: 'Mes offres', to: '/offres/gestion' }]} />
      <PageHeading title={title} />
      <p>
        Ajoutez ou mettez à jour des structures et des services à partir d’un fichier au format data·inclusion
        (JSON, CSV ou XLSX avec les noms de colonnes du schéma). Importez d’abord les structures, puis leurs
        services. Vérifiez le fichier avant de l’importer : rien n’est enregistré pendant la vérification.
      </p>
      <form aria-label="Importer un fichier" onSubmit={(event) => event.preventDefault()}>
        <RadioButtons
          legend="Le fichier contient"
          orientation="horizontal"
          options={importKinds.map((value) => ({
            label: importKindLabels[value],
            nativeInputProps: {
              checked: kind === value,
              onChange: () => {
                setKind(value);
                importFile.reset();
              },
            },
          }))}
        />
        <div className={`fr-upload-group fr-mb-3w${fileError ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label" htmlFor={fileId}>
            Fichier à importer
            <span className="fr-hint-text">Formats acceptés : JSON, CSV, XLSX. 50 Mo au plus.</span>
          </label>
          <input
            className="fr-upload"
            type="file"
            id={fileId}
            accept=".json,.csv,.xlsx,application/json,text/csv"
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
              importFile.reset();
            }}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="fr-error-text">
              {fileError}
            </p>
          )}
        </div>
        <div className="spie-actions">
          <Button priority="secondary" disabled={importFile.isPending} onClick={() => run(true)}>
            Vérifier sans importer
          </Button>
          <Button disabled={importFile.isPending} onClick={() => run(false)}>
            Importer
          </Button>
        </div>
      </form>
      {importFile.isPending && (
        <p role="status" className="fr-text--sm">
          Lecture du fichier en cours… Cela peut prendre une minute pour un gros fichier.
        </p>
      )}
      <ApiErrorAlert error={importFile.error} title="Le fichier a été refusé" />
      {importFile.data && <Report key={String(importFile.submittedAt)} report={importFile.data} />}

      <h2 className="fr-mt-4w">Exporter le catalogue</h2>
      <ExportLinks />
    </>
  );
}
