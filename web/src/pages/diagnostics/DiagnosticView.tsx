import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  type AuthorField,
  authorFieldLabels,
  authorFields,
  axisLevelLabels,
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  type Diagnostic,
  type ImpactLevel,
  impactLevelLabels,
  pathLabels,
  professionalAxes,
  professionalAxisLabels,
  recommendationCriterionLabels,
  recommendationSentence,
} from '@spie/contract/diagnostics';
import { Fragment, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/formatDate';
import { formatDay } from '../people/peopleFormat';
import {
  notFilled,
  orderedParts,
  partLabel,
  projectValue,
  situationFieldLabels,
  situationKeys,
  situationValue,
} from './diagnosticFormat';
import { useConfirmVersion } from './diagnostics.queries';

const impactSeverity: Record<ImpactLevel, 'error' | 'warning' | 'success' | undefined> = {
  fort: 'error',
  moyen: 'warning',
  sans_impact: 'success',
  non_explore: undefined,
};

export function ImpactBadge({ impact }: { impact: ImpactLevel }) {
  const severity = impactSeverity[impact];
  return (
    <Badge small noIcon {...(severity ? { severity } : {})}>
      {impactLevelLabels[impact]}
    </Badge>
  );
}

export function JointBadge({ joint }: { joint: boolean }) {
  return joint ? (
    <Badge severity="success" small>
      Validé conjointement
    </Badge>
  ) : (
    <Badge severity="info" small>
      En attente de co-signature
    </Badge>
  );
}

/** One completed version, read-only, in the order of the form. */
export function DiagnosticView({
  diagnostic,
  latest,
  canCosign,
  onCosigned,
  situationLabel,
}: {
  diagnostic: Diagnostic;
  latest: boolean;
  canCosign: boolean;
  onCosigned: () => void;
  situationLabel: (family: ConstraintFamily, code: string) => string;
}) {
  const c = diagnostic.content;
  const r = diagnostic.recommendation;
  const otherPath = diagnostic.chosenPath !== null && diagnostic.chosenPath !== r.path;
  const contributions = orderedParts.filter((part) => diagnostic.contributions[part]);

  return (
    <section aria-labelledby="version-title" className="fr-mb-6w">
      <h3 id="version-title">
        {latest ? 'Diagnostic en vigueur' : 'Ancienne version'} : version {diagnostic.version}
      </h3>
      <p className="spie-badge-list">
        <JointBadge joint={diagnostic.jointlyValidated} />
        {!latest && (
          <Badge small noIcon>
            Lecture seule
          </Badge>
        )}
      </p>
      <dl className="spie-facts">
        <dt>Validé le</dt>
        <dd>{diagnostic.completedAt ? formatDay(diagnostic.completedAt) : notFilled}</dd>
        <dt>Validé par</dt>
        <dd>
          <ul className="spie-plain-list">
            {diagnostic.authors.map((author) => (
              <li key={author.accountId}>
                {author.name} — {author.organisationName} (
                {authorFieldLabels[author.field].toLocaleLowerCase('fr-FR')}
                ), le {formatDay(author.confirmedAt)}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {canCosign && <CosignForm diagnostic={diagnostic} onDone={onCosigned} />}

      <h4 className="fr-mt-4w">Parcours</h4>
      <CallOut title={`Parcours recommandé : ${pathLabels[r.path].toLocaleLowerCase('fr-FR')}`} titleAs="p">
        <span className="spie-block">{recommendationSentence(r)}</span>
        <span className="spie-block fr-text--sm fr-mt-1w">
          Critère déterminant : {recommendationCriterionLabels[r.criterion]}.
        </span>
      </CallOut>
      {otherPath && diagnostic.chosenPath && (
        <dl className="spie-facts">
          <dt>Parcours choisi</dt>
          <dd>{pathLabels[diagnostic.chosenPath]}</dd>
          <dt>Motif de ce choix</dt>
          <dd className="spie-message-body">{diagnostic.chosenPathReason ?? notFilled}</dd>
        </dl>
      )}

      <h4 className="fr-mt-4w">Situation</h4>
      <dl className="spie-facts">
        {situationKeys.map((key) => (
          <Fragment key={key}>
            <dt>{situationFieldLabels[key]}</dt>
            <dd>
              {c.situation[key] === null ? (
                <span className="spie-empty-state">{notFilled}</span>
              ) : (
                situationValue(key, c.situation)
              )}
            </dd>
          </Fragment>
        ))}
      </dl>

      <h4 className="fr-mt-4w">Freins</h4>
      <DataTable
        caption={`Freins à l’emploi, version ${diagnostic.version}`}
        captionHidden
        headers={['Famille', 'Impact', 'Situations', 'Précision']}
        rows={constraintFamilies.map((family) => {
          const a = c.constraints[family];
          return {
            key: family,
            cells: [
              constraintFamilyLabels[family],
              <ImpactBadge key="impact" impact={a.impact} />,
              a.situations.length === 0 ? (
                <span key="none" className="spie-empty-state">
                  Aucune
                </span>
              ) : (
                <ul key="list" className="spie-plain-list">
                  {a.situations.map((code) => (
                    <li key={code}>{situationLabel(family, code)}</li>
                  ))}
                </ul>
              ),
              a.note ?? <span className="spie-empty-state">—</span>,
            ],
          };
        })}
      />

      <h4 className="fr-mt-4w">Axes professionnels</h4>
      <DataTable
        caption={`Axes professionnels, version ${diagnostic.version}`}
        captionHidden
        headers={['Axe', 'Évaluation', 'Précision']}
        rows={professionalAxes.map((axis) => ({
          key: axis,
          cells: [
            professionalAxisLabels[axis],
            axisLevelLabels[c.axes[axis].level],
            c.axes[axis].note ?? <span className="spie-empty-state">—</span>,
          ],
        }))}
      />

      <h4 className="fr-mt-4w">Projets professionnels</h4>
      {c.projects.length === 0 ? (
        <p className="spie-empty-state">Aucun projet professionnel.</p>
      ) : (
        <DataTable
          caption={`Projets professionnels, version ${diagnostic.version}`}
          captionHidden
          headers={[
            'Métier',
            'Code ROME',
            'Types de contrat',
            'Temps de travail',
            'Rayon',
            'Salaire horaire minimum',
            'État',
          ]}
          rows={c.projects.map((project) => ({
            key: project.appellationCode,
            cells: [
              project.label,
              project.romeCode,
              projectValue('contractTypes', project),
              projectValue('workingTime', project),
              projectValue('mobilityRadiusKm', project),
              projectValue('minHourlyWage', project),
              projectValue('status', project),
            ],
          }))}
        />
      )}

      <h4 className="fr-mt-4w">Observations</h4>
      {c.notes ? <p className="spie-message-body">{c.notes}</p> : <p className="spie-empty-state">Aucune.</p>}

      <h4 className="fr-mt-4w">Qui a contribué à quoi</h4>
      {contributions.length === 0 ? (
        <p className="spie-empty-state">Aucune contribution enregistrée.</p>
      ) : (
        <DataTable
          caption={`Contributions à la version ${diagnostic.version}`}
          captionHidden
          headers={['Partie du diagnostic', 'Dernière modification par', 'Structure', 'Date']}
          rows={contributions.map((part) => {
            const who = diagnostic.contributions[part];
            return {
              key: part,
              cells: [
                partLabel(part),
                who?.name ?? '—',
                who?.organisationName ?? '—',
                who ? formatDateTime(who.at) : '—',
              ],
            };
          })}
        />
      )}
    </section>
  );
}

function CosignForm({ diagnostic, onDone }: { diagnostic: Diagnostic; onDone: () => void }) {
  const confirm = useConfirmVersion(diagnostic.personId);
  const taken = new Set(diagnostic.authors.map((a) => a.field));
  const suggested = authorFields.find((f) => !taken.has(f)) ?? '';
  const [field, setField] = useState<AuthorField | ''>(suggested);
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="spie-panel"
      noValidate
      aria-labelledby="cosign-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!field) {
          setError('Indiquez votre champ professionnel : social ou emploi.');
          return;
        }
        setError(null);
        // mutateAsync: once co-signed, this form is no longer shown; the callback must still run.
        confirm
          .mutateAsync({ version: diagnostic.version ?? 1, field })
          .then(onDone)
          .catch(() => {});
      }}
    >
      <p id="cosign-title" className="fr-text--bold fr-mb-1w">
        Ce diagnostic attend une seconde signature
      </p>
      <p className="fr-text--sm">
        Un diagnostic conjoint est validé par un·e professionnel·le du champ social et un·e du champ de
        l’emploi. Relisez-le, puis co-signez-le si vous êtes d’accord.
      </p>
      <ApiErrorAlert error={confirm.error} title="La co-signature n’a pas été enregistrée" />
      <RadioButtons
        legend="Votre champ professionnel"
        options={authorFields.map((value) => ({
          label: authorFieldLabels[value],
          nativeInputProps: {
            name: 'cosign-field',
            value,
            checked: field === value,
            onChange: () => setField(value),
          },
        }))}
        {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
      />
      <Button type="submit" iconId="fr-icon-check-line" disabled={confirm.isPending}>
        Co-signer ce diagnostic
      </Button>
    </form>
  );
}
