import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { ConstraintFamily } from '@spie/contract/diagnostics';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { Loading } from '../../components/Loading';
import { SuccessAlert } from '../../components/SuccessAlert';
import { useSession } from '../auth/auth.queries';
import { usePersonContext } from '../people/PersonLayout';
import { formatDay } from '../people/peopleFormat';
import { DiagnosticForm, type FormOutcome } from './DiagnosticForm';
import { VersionComparison, VersionList } from './DiagnosticHistory';
import { DiagnosticView } from './DiagnosticView';
import {
  type StartFrom,
  useConstraintSituations,
  useDiagnosticsOverview,
  useDiagnosticVersion,
  useStartDraft,
} from './diagnostics.queries';

const outcomeMessages: Record<Exclude<FormOutcome['kind'], 'completed'>, string> = {
  saved: 'Le brouillon est enregistré. Vous pourrez le reprendre plus tard.',
  discarded: 'Le brouillon est abandonné.',
  gone: 'Ce brouillon n’existe plus : quelqu’un l’a validé ou abandonné entre-temps.',
};

/**
 * The person's common diagnostic: the version in force (or an older one, read-only), every
 * version and a comparison of two; with write access, the guided form to start, resume or update it.
 */
export function DiagnosticTab() {
  const id = useParams().id ?? '';
  const { person } = usePersonContext();
  const access = person.access.diagnostic;
  const canWrite = access?.write === true && !person.mergedInto;
  const me = useSession().data?.account?.id;
  const overview = useDiagnosticsOverview(id);
  const situations = useConstraintSituations();
  const [params] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ title: string; at: number; info?: boolean } | null>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);

  const versions = [...(overview.data?.versions ?? [])].sort((x, y) => y.version - x.version);
  const latestNumber = versions[0]?.version ?? null;
  const requested = Number(params.get('version'));
  const shownNumber = versions.some((v) => v.version === requested) ? requested : latestNumber;
  const shown = useDiagnosticVersion(id, shownNumber);
  const draft = overview.data?.draft ?? null;
  const lists = situations.lists;
  const situationLabel = (family: ConstraintFamily, code: string) =>
    lists?.[family]?.find((item) => item.code === code)?.label ?? code;

  if (!access?.read) {
    return (
      <>
        <h2>Diagnostic</h2>
        <p>Votre rôle ne vous permet pas de voir le diagnostic de cette personne.</p>
      </>
    );
  }

  if (editing && draft) {
    return (
      <>
        <h2>Diagnostic</h2>
        <DiagnosticForm
          key={draft.id}
          personId={id}
          draft={draft}
          lists={lists}
          listsError={situations.isError}
          defaultField=""
          onDone={(outcome) => {
            setEditing(false);
            setMessage({
              title:
                outcome.kind === 'completed'
                  ? `Le diagnostic est validé : version ${outcome.diagnostic.version}.`
                  : outcomeMessages[outcome.kind],
              at: Date.now(),
              info: outcome.kind === 'gone',
            });
          }}
        />
      </>
    );
  }

  const shownDiagnostic = shown.data && shown.data.version === shownNumber ? shown.data : null;
  const isLatest = shownNumber === latestNumber;
  const canCosign =
    canWrite &&
    isLatest &&
    shownDiagnostic !== null &&
    !shownDiagnostic.jointlyValidated &&
    me !== undefined &&
    !shownDiagnostic.authors.some((author) => author.accountId === me);

  return (
    <>
      <h2>Diagnostic</h2>
      {message &&
        (message.info ? (
          <Alert className="fr-mb-3w" severity="info" role="status" title={message.title} />
        ) : (
          <SuccessAlert key={message.at} title={message.title} />
        ))}
      {overview.isPending && <Loading label="Chargement du diagnostic…" />}
      <ApiErrorAlert error={overview.error} title="Le diagnostic n’a pas pu être affiché" />

      {overview.data && (
        <>
          {draft && (
            <DraftNotice
              updatedAt={draft.updatedAt}
              canWrite={canWrite}
              resumeRef={resumeRef}
              onResume={() => {
                setMessage(null);
                setEditing(true);
              }}
            />
          )}
          {!draft && versions.length === 0 && (
            <StartPanel
              personId={id}
              canWrite={canWrite}
              cafCodes={overview.data.cafCodes}
              onStarted={() => {
                setMessage(null);
                setEditing(true);
              }}
            />
          )}
          {!draft && versions.length > 0 && canWrite && (
            <UpdatePanel
              personId={id}
              latest={latestNumber ?? 1}
              onStarted={() => {
                setMessage(null);
                setEditing(true);
              }}
            />
          )}

          {versions.length > 0 && (
            <>
              {!isLatest && (
                <p>
                  <Link to={{ search: '' }} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
                    Revenir à la version en vigueur
                  </Link>
                </p>
              )}
              {shown.isPending && <Loading label="Chargement de la version…" />}
              <ApiErrorAlert error={shown.error} title="Cette version n’a pas pu être affichée" />
              {shownDiagnostic && (
                <DiagnosticView
                  diagnostic={shownDiagnostic}
                  latest={isLatest}
                  canCosign={canCosign}
                  onCosigned={() =>
                    setMessage({ title: 'Vous avez co-signé ce diagnostic.', at: Date.now() })
                  }
                  situationLabel={situationLabel}
                />
              )}
              <VersionList versions={versions} shown={shownNumber} />
              {versions.length > 1 && (
                <VersionComparison personId={id} versions={versions} situationLabel={situationLabel} />
              )}
            </>
          )}
        </>
      )}
    </>
  );
}

function DraftNotice({
  updatedAt,
  canWrite,
  resumeRef,
  onResume,
}: {
  updatedAt: string;
  canWrite: boolean;
  resumeRef: React.RefObject<HTMLButtonElement | null>;
  onResume: () => void;
}) {
  return (
    <div className="spie-panel">
      <p className="fr-text--bold fr-mb-1w">Un diagnostic est en cours</p>
      <p>
        Brouillon enregistré pour la dernière fois le {formatDateTime(updatedAt)}. Il n’est pas encore validé
        {canWrite ? ' : reprenez-le pour le compléter et le valider.' : '.'}
      </p>
      {canWrite && (
        <Button ref={resumeRef} iconId="fr-icon-edit-line" onClick={onResume}>
          Reprendre le diagnostic en cours
        </Button>
      )}
    </div>
  );
}

function StartPanel({
  personId,
  canWrite,
  cafCodes,
  onStarted,
}: {
  personId: string;
  canWrite: boolean;
  cafCodes: { code: string; value: string; label: string; receivedOn: string }[];
  onStarted: () => void;
}) {
  const start = useStartDraft(personId);
  const hasCaf = cafCodes.length > 0;
  const [from, setFrom] = useState<StartFrom>(hasCaf ? 'caf' : 'empty');
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (start.error) errorRef.current?.focus();
  }, [start.error]);

  return (
    <section aria-labelledby="start-title" className="fr-mb-6w">
      <h3 id="start-title">Aucun diagnostic validé pour le moment</h3>
      <p>
        Le diagnostic est le premier temps de l’accompagnement. Il se fait avec la personne : sa situation,
        ses freins (santé, logement, mobilité…), ses points forts et ses besoins, ses projets de métier. Il
        aboutit à une recommandation de parcours : emploi, socio-professionnel ou social.
      </p>
      {canWrite ? (
        <>
          <p>Il se remplit en 6 étapes. Vous pouvez l’enregistrer à tout moment et le reprendre plus tard.</p>
          {hasCaf && (
            <>
              <p className="fr-mb-1w">La CAF a transmis des informations lors de la demande de RSA :</p>
              <ul>
                {cafCodes.map((entry) => (
                  <li key={`${entry.code}-${entry.value}`}>
                    {entry.label} (code {entry.code} {entry.value}, reçu le {formatDay(entry.receivedOn)})
                  </li>
                ))}
              </ul>
              <RadioButtons
                legend="Point de départ du diagnostic"
                options={[
                  {
                    label: 'Partir des données CAF',
                    hintText:
                      'Les freins signalés par la CAF sont pré-remplis : vous les vérifiez avec la personne.',
                    nativeInputProps: {
                      name: 'start-from',
                      value: 'caf',
                      checked: from === 'caf',
                      onChange: () => setFrom('caf'),
                    },
                  },
                  {
                    label: 'Partir d’un diagnostic vide',
                    nativeInputProps: {
                      name: 'start-from',
                      value: 'empty',
                      checked: from === 'empty',
                      onChange: () => setFrom('empty'),
                    },
                  },
                ]}
              />
            </>
          )}
          <div ref={errorRef} tabIndex={-1}>
            <ApiErrorAlert error={start.error} title="Le diagnostic n’a pas pu être commencé" />
          </div>
          <Button
            iconId="fr-icon-edit-line"
            disabled={start.isPending}
            onClick={() =>
              // mutateAsync: this panel is gone once the draft exists, the callback must still run.
              start
                .mutateAsync(hasCaf ? from : 'empty')
                .then(onStarted)
                .catch(() => {})
            }
          >
            Commencer le diagnostic
          </Button>
        </>
      ) : (
        <p>Les professionnels de l’équipe qui accompagnent la personne peuvent le commencer.</p>
      )}
    </section>
  );
}

function UpdatePanel({
  personId,
  latest,
  onStarted,
}: {
  personId: string;
  latest: number;
  onStarted: () => void;
}) {
  const start = useStartDraft(personId);
  return (
    <div className="spie-panel">
      <p>
        La situation a changé ? Mettez le diagnostic à jour : vous partez de la version {latest}, qui reste
        consultable. La nouvelle version sera créée quand vous la validerez.
      </p>
      <ApiErrorAlert error={start.error} title="La mise à jour n’a pas pu commencer" />
      <Button
        priority="secondary"
        iconId="fr-icon-edit-line"
        disabled={start.isPending}
        onClick={() =>
          start
            .mutateAsync('latest')
            .then(onStarted)
            .catch(() => {})
        }
      >
        Mettre à jour le diagnostic
      </Button>
    </div>
  );
}
