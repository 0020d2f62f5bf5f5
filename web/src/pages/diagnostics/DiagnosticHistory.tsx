import { Select } from '@codegouvfr/react-dsfr/Select';
import { type ConstraintFamily, type DiagnosticVersionSummary, pathLabels } from '@spie/contract/diagnostics';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { formatDay } from '../people/peopleFormat';
import { JointBadge } from './DiagnosticView';
import { diffDiagnostics } from './diagnosticDiff';
import { useDiagnosticVersion } from './diagnostics.queries';

/** Every completed version, newest first, each one openable read-only. */
export function VersionList({
  versions,
  shown,
}: {
  versions: DiagnosticVersionSummary[];
  shown: number | null;
}) {
  return (
    <section aria-labelledby="versions-title" className="fr-mb-6w">
      <h3 id="versions-title">Toutes les versions</h3>
      <DataTable
        caption="Versions validées du diagnostic, de la plus récente à la plus ancienne"
        captionHidden
        headers={[
          'Version',
          'Validée le',
          'Parcours recommandé',
          'Parcours choisi',
          'Auteur·es',
          'Signature',
          'Consulter',
        ]}
        rows={versions.map((v) => ({
          key: v.id,
          cells: [
            `Version ${v.version}`,
            formatDay(v.completedAt),
            pathLabels[v.recommendedPath],
            v.chosenPath && v.chosenPath !== v.recommendedPath
              ? pathLabels[v.chosenPath]
              : 'Le parcours recommandé',
            v.authors.map((a) => `${a.name} (${a.organisationName})`).join(', '),
            <JointBadge key="joint" joint={v.jointlyValidated} />,
            v.version === shown ? (
              <span key="shown">Affichée ci-dessus</span>
            ) : (
              <Link key="open" to={{ search: `?version=${v.version}` }} className="fr-link">
                Voir la version {v.version}
              </Link>
            ),
          ],
        }))}
      />
    </section>
  );
}

/** Two versions side by side: only what changed (field, before, after). */
export function VersionComparison({
  personId,
  versions,
  situationLabel,
}: {
  personId: string;
  versions: DiagnosticVersionSummary[];
  situationLabel: (family: ConstraintFamily, code: string) => string;
}) {
  const [params, setParams] = useSearchParams();
  const numbers = versions.map((v) => v.version);
  const pick = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return numbers.includes(value) ? value : fallback;
  };
  const before = pick('avant', numbers[1] ?? 1);
  const after = pick('apres', numbers[0] ?? 1);
  const a = useDiagnosticVersion(personId, before);
  const b = useDiagnosticVersion(personId, after);

  const choose = (name: 'avant' | 'apres', value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const rows = a.data && b.data ? diffDiagnostics(a.data, b.data, { situationLabel }) : null;
  const sections = rows ? [...new Set(rows.map((row) => row.section))] : [];

  return (
    <section aria-labelledby="compare-title" className="fr-mb-6w">
      <h3 id="compare-title">Comparer deux versions</h3>
      <p>Seules les informations qui ont changé entre les deux versions sont affichées.</p>
      <div className="spie-filters">
        <Select
          label="Version de départ"
          nativeSelectProps={{
            value: String(before),
            onChange: (event) => choose('avant', event.target.value),
          }}
        >
          {versions.map((v) => (
            <option key={v.id} value={v.version}>
              Version {v.version} du {formatDay(v.completedAt)}
            </option>
          ))}
        </Select>
        <Select
          label="Version d’arrivée"
          nativeSelectProps={{
            value: String(after),
            onChange: (event) => choose('apres', event.target.value),
          }}
        >
          {versions.map((v) => (
            <option key={v.id} value={v.version}>
              Version {v.version} du {formatDay(v.completedAt)}
            </option>
          ))}
        </Select>
      </div>
      {(a.isPending || b.isPending) && <Loading label="Chargement des versions à comparer…" />}
      <ApiErrorAlert error={a.error ?? b.error} title="Les versions n’ont pas pu être comparées" />
      <div aria-live="polite">
        {before === after && <p>Choisissez deux versions différentes.</p>}
        {rows && before !== after && rows.length === 0 && (
          <p>
            <strong>Aucun changement</strong> entre la version {before} et la version {after}.
          </p>
        )}
        {rows && before !== after && rows.length > 0 && (
          <>
            <p>
              {rows.length} information{rows.length > 1 ? 's ont' : ' a'} changé entre la version {before} et
              la version {after}.
            </p>
            {sections.map((section) => (
              <DataTable
                key={section}
                caption={`${section} : changements de la version ${before} à la version ${after}`}
                headers={['Information', `Version ${before}`, `Version ${after}`]}
                rows={rows
                  .filter((row) => row.section === section)
                  .map((row) => ({ key: row.key, cells: [row.label, row.before, row.after] }))}
              />
            ))}
          </>
        )}
      </div>
    </section>
  );
}
