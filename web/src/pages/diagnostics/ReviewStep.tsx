import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  authorFieldLabels,
  authorFields,
  axisLevelLabels,
  constraintFamilies,
  constraintFamilyLabels,
  type DiagnosticContent,
  impactLevelLabels,
  type Path,
  pathLabels,
  paths,
  professionalAxes,
  professionalAxisLabels,
  recommendationCriterionLabels,
  recommendationSentence,
  recommendPath,
} from '@spie/contract/diagnostics';
import { Fragment } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { fieldState } from '../../components/fieldState';
import type { DiagnosticFormApi } from './DiagnosticSteps';
import { checkForm } from './diagnosticForm';
import {
  notFilled,
  projectName,
  situationFieldLabels,
  situationKeys,
  situationValue,
} from './diagnosticFormat';

export interface CompletionValues {
  field: '' | 'social' | 'employment';
  pathChoice: 'recommended' | 'other';
  chosenPath: '' | Path;
  chosenPathReason: string;
}

function EditStepButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" priority="tertiary" size="small" iconId="fr-icon-edit-line" onClick={onClick}>
      {label}
    </Button>
  );
}

/** Step 6: everything at a glance, the recommended path (live) and the validation choices. */
export function ReviewStep({
  form,
  completion,
  goTo,
}: {
  form: DiagnosticFormApi;
  completion: UseFormReturn<CompletionValues>;
  goTo: (step: number) => void;
}) {
  form.watch();
  const checked = checkForm(form.getValues());
  const pathChoice = completion.watch('pathChoice');
  const e = completion.formState.errors;

  if (!checked.ok) {
    return (
      <p className="fr-error-text">
        Certaines informations sont à corriger avant de valider : revenez aux étapes précédentes, les champs
        concernés y sont signalés.
      </p>
    );
  }
  const content: DiagnosticContent = checked.content;
  const recommendation = recommendPath(content, new Date());
  const others = paths.filter((p) => p !== recommendation.path);

  return (
    <>
      <section aria-labelledby="recap-title">
        <h3 id="recap-title" className="fr-h4">
          Récapitulatif
        </h3>

        <h4 className="fr-h6">Situation</h4>
        <dl className="spie-facts">
          {situationKeys
            .filter((key) => content.situation[key] !== null)
            .map((key) => (
              <Fragment key={key}>
                <dt>{situationFieldLabels[key]}</dt>
                <dd>{situationValue(key, content.situation)}</dd>
              </Fragment>
            ))}
        </dl>
        {situationKeys.every((key) => content.situation[key] === null) && (
          <p className="spie-empty-state">Aucune information de situation.</p>
        )}
        <EditStepButton label="Modifier la situation" onClick={() => goTo(0)} />

        <h4 className="fr-h6 fr-mt-3w">Freins</h4>
        <ul>
          {constraintFamilies.map((family) => (
            <li key={family}>
              {constraintFamilyLabels[family]} : {impactLevelLabels[content.constraints[family].impact]}
              {content.constraints[family].situations.length > 0 &&
                ` (${content.constraints[family].situations.length} situation${content.constraints[family].situations.length > 1 ? 's' : ''} cochée${content.constraints[family].situations.length > 1 ? 's' : ''})`}
            </li>
          ))}
        </ul>
        <EditStepButton label="Modifier les freins" onClick={() => goTo(1)} />

        <h4 className="fr-h6 fr-mt-3w">Axes professionnels</h4>
        <ul>
          {professionalAxes.map((axis) => (
            <li key={axis}>
              {professionalAxisLabels[axis]} : {axisLevelLabels[content.axes[axis].level]}
            </li>
          ))}
        </ul>
        <EditStepButton label="Modifier les axes professionnels" onClick={() => goTo(2)} />

        <h4 className="fr-h6 fr-mt-3w">Projets professionnels</h4>
        {content.projects.length === 0 ? (
          <p className="spie-empty-state">Aucun projet professionnel.</p>
        ) : (
          <ul>
            {content.projects.map((project) => (
              <li key={project.appellationCode}>{projectName(project)}</li>
            ))}
          </ul>
        )}
        <EditStepButton label="Modifier les projets" onClick={() => goTo(3)} />

        <h4 className="fr-h6 fr-mt-3w">Observations</h4>
        <p className="spie-message-body">{content.notes ?? notFilled}</p>
        <EditStepButton label="Modifier les observations" onClick={() => goTo(4)} />
      </section>

      <section aria-labelledby="parcours-title" className="fr-mt-6w">
        <h3 id="parcours-title" className="fr-h4">
          Parcours
        </h3>
        <CallOut title="Parcours recommandé" titleAs="h4">
          <span className="spie-block">{recommendationSentence(recommendation)}</span>
          <span className="spie-block fr-text--sm fr-mt-1w">
            Critère déterminant : {recommendationCriterionLabels[recommendation.criterion]}. La recommandation
            suit les critères nationaux d’orientation, dans l’ordre.
          </span>
        </CallOut>
        <RadioButtons
          legend="Parcours retenu"
          options={[
            {
              label: `Suivre le parcours recommandé (${pathLabels[recommendation.path].toLocaleLowerCase('fr-FR')})`,
              nativeInputProps: { ...completion.register('pathChoice'), value: 'recommended' },
            },
            {
              label: 'Choisir un autre parcours',
              hintText: 'Vous expliquerez pourquoi ; la recommandation reste visible à côté de votre choix.',
              nativeInputProps: { ...completion.register('pathChoice'), value: 'other' },
            },
          ]}
        />
        {pathChoice === 'other' && (
          <>
            <RadioButtons
              legend="Autre parcours"
              orientation="horizontal"
              options={others.map((value) => ({
                label: pathLabels[value],
                nativeInputProps: { ...completion.register('chosenPath'), value },
              }))}
              {...fieldState(e.chosenPath)}
            />
            <Input
              label="Motif du choix d’un autre parcours"
              hintText="Obligatoire, 500 caractères au plus. Par exemple : ce que la personne souhaite, une situation qui va changer."
              textArea
              nativeTextAreaProps={{ ...completion.register('chosenPathReason'), rows: 3, maxLength: 500 }}
              {...fieldState(e.chosenPathReason)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="signature-title" className="fr-mt-4w">
        <h3 id="signature-title" className="fr-h4">
          Validation
        </h3>
        <RadioButtons
          legend="Votre champ professionnel pour ce diagnostic"
          hintText="Un diagnostic conjoint réunit un·e professionnel·le du social et un·e de l’emploi : après votre validation, un·e professionnel·le de l’autre champ pourra le co-signer."
          options={authorFields.map((value) => ({
            label: authorFieldLabels[value],
            nativeInputProps: { ...completion.register('field'), value },
          }))}
          {...fieldState(e.field)}
        />
      </section>
    </>
  );
}
