import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import type { FieldError } from '@spie/contract';
import type { AuthorField, Diagnostic } from '@spie/contract/diagnostics';
import { useEffect, useRef, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { isApiError } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { VersionConflictAlert } from '../people/VersionConflictAlert';
import { AxesStep, ConstraintsStep, ObservationsStep, SituationStep } from './DiagnosticSteps';
import {
  checkForm,
  contentFromForm,
  type DiagnosticFormValues,
  type FormIssue,
  formFromContent,
  formPathOf,
  stepOfPath,
} from './diagnosticForm';
import { stepTitles } from './diagnosticFormat';
import {
  type SituationLists,
  useCompleteDraft,
  useDiagnosticsOverview,
  useDiscardDraft,
  useSaveDraft,
} from './diagnostics.queries';
import { ProjectsStep } from './ProjectsStep';
import { type CompletionValues, ReviewStep } from './ReviewStep';

export type FormOutcome =
  | { kind: 'completed'; diagnostic: Diagnostic }
  | { kind: 'saved' }
  | { kind: 'discarded' }
  | { kind: 'gone' };

const lastStep = stepTitles.length - 1;
const completionFields = ['field', 'chosenPath', 'chosenPathReason'] as const;
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/**
 * The diagnostic being written, in six steps. Moving to another step saves the draft (with its
 * revision: a 409 means someone else saved it meanwhile); the last step validates it.
 */
export function DiagnosticForm({
  personId,
  draft,
  lists,
  listsError,
  defaultField,
  onDone,
}: {
  personId: string;
  draft: Diagnostic;
  lists: SituationLists | null;
  listsError: boolean;
  defaultField: AuthorField | '';
  onDone: (outcome: FormOutcome) => void;
}) {
  const [step, setStep] = useState(0);
  const form = useForm<DiagnosticFormValues>({ defaultValues: formFromContent(draft.content) });
  const completion = useForm<CompletionValues>({
    defaultValues: { field: defaultField, pathChoice: 'recommended', chosenPath: '', chosenPathReason: '' },
  });
  const save = useSaveDraft(personId);
  const complete = useCompleteDraft(personId);
  const discard = useDiscardDraft(personId);
  const overview = useDiagnosticsOverview(personId);
  const revision = useRef(draft.revision);
  const lastSaved = useRef(JSON.stringify(contentFromForm(formFromContent(draft.content))));
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const discardButtonRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const conflict = isApiError(serverError) && serverError.kind === 'conflict';

  // A new step: its title (Stepper) takes the focus, or the field to correct when there is one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step change only
  useEffect(() => {
    const path = pendingFocus.current;
    pendingFocus.current = null;
    if (path) {
      requestAnimationFrame(() => {
        form.setFocus(path as FieldPath<DiagnosticFormValues>);
        if (!document.activeElement?.closest('form')) topRef.current?.focus();
      });
    } else topRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (confirmDiscard) confirmRef.current?.focus();
  }, [confirmDiscard]);

  function showIssues(issues: FormIssue[]) {
    form.clearErrors();
    const rest: FieldError[] = [];
    for (const issue of issues) {
      const path = formPathOf(issue.path);
      if (path)
        form.setError(path as FieldPath<DiagnosticFormValues>, {
          type: 'validation',
          message: issue.message,
        });
      else rest.push(issue);
    }
    setUnmatched(rest);
    const first = issues.find((issue) => formPathOf(issue.path));
    if (!first) return;
    const target = stepOfPath(first.path);
    pendingFocus.current = formPathOf(first.path);
    if (target !== step) setStep(target);
    else {
      pendingFocus.current = null;
      form.setFocus(formPathOf(first.path) as FieldPath<DiagnosticFormValues>);
    }
  }

  function handleServerError(error: unknown) {
    setServerError(error);
    if (!isApiError(error)) return;
    const contentIssues: FormIssue[] = [];
    const rest: FieldError[] = [];
    for (const field of error.fields) {
      const path = field.path.replace(/^content\./, '');
      if ((completionFields as readonly string[]).includes(path))
        completion.setError(path as (typeof completionFields)[number], {
          type: 'server',
          message: field.message,
        });
      else if (formPathOf(path)) contentIssues.push({ path, message: field.message });
      else rest.push(field);
    }
    if (contentIssues.length > 0) showIssues(contentIssues);
    setUnmatched((current) => [...current, ...rest]);
  }

  /** Checks the form and saves the draft when it changed; false when something is to be corrected. */
  async function persist(): Promise<boolean> {
    setServerError(null);
    setUnmatched([]);
    const values = form.getValues();
    const checked = checkForm(values);
    if (!checked.ok) {
      showIssues(checked.issues);
      return false;
    }
    form.clearErrors();
    const content = contentFromForm(values);
    const key = JSON.stringify(content);
    if (key === lastSaved.current) return true;
    try {
      const saved = await save.mutateAsync({ content, revision: revision.current });
      revision.current = saved.revision;
      lastSaved.current = key;
      setSavedAt(timeFormat.format(new Date()));
      return true;
    } catch (error) {
      handleServerError(error);
      return false;
    }
  }

  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  const goTo = (target: number) =>
    run(async () => {
      if (await persist()) setStep(target);
    });

  const validate = () =>
    run(async () => {
      completion.clearErrors();
      const c = completion.getValues();
      const problems: [(typeof completionFields)[number], string][] = [];
      if (c.pathChoice === 'other' && !c.chosenPath)
        problems.push(['chosenPath', 'Autre parcours : choisissez le parcours retenu.']);
      if (c.pathChoice === 'other' && !c.chosenPathReason.trim())
        problems.push([
          'chosenPathReason',
          'Expliquez pourquoi vous choisissez un autre parcours que celui recommandé.',
        ]);
      if (!c.field) problems.push(['field', 'Indiquez votre champ professionnel : social ou emploi.']);
      if (problems.length > 0) {
        problems.forEach(([name, message], index) => {
          completion.setError(name, { type: 'required', message }, { shouldFocus: index === 0 });
        });
        return;
      }
      if (!(await persist())) return;
      try {
        const other = c.pathChoice === 'other';
        const done = await complete.mutateAsync({
          revision: revision.current,
          field: c.field as AuthorField,
          chosenPath: other && c.chosenPath ? c.chosenPath : null,
          chosenPathReason: other ? c.chosenPathReason : null,
        });
        onDone({ kind: 'completed', diagnostic: done });
      } catch (error) {
        handleServerError(error);
      }
    });

  const reload = async () => {
    const fresh = await overview.refetch();
    const current = fresh.data?.draft;
    if (!current) {
      onDone({ kind: 'gone' });
      return;
    }
    form.reset(formFromContent(current.content));
    revision.current = current.revision;
    lastSaved.current = JSON.stringify(contentFromForm(formFromContent(current.content)));
    setServerError(null);
    setUnmatched([]);
    topRef.current?.focus();
  };

  return (
    <>
      <div ref={topRef} tabIndex={-1}>
        <Stepper
          currentStep={step + 1}
          stepCount={stepTitles.length}
          title={stepTitles[step]}
          {...(step < lastStep ? { nextTitle: stepTitles[step + 1] } : {})}
        />
      </div>
      {conflict ? (
        <VersionConflictAlert error={serverError} onReload={reload} />
      ) : (
        <ApiErrorAlert error={serverError} title="Le diagnostic n’a pas été enregistré" />
      )}
      <FieldErrorList fields={unmatched} />
      <form
        noValidate
        aria-label={`Diagnostic, étape ${step + 1} sur ${stepTitles.length} : ${stepTitles[step]}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (step < lastStep) void goTo(step + 1);
          else void validate();
        }}
      >
        {step === 0 && <SituationStep form={form} />}
        {step === 1 && <ConstraintsStep form={form} lists={lists} listsError={listsError} />}
        {step === 2 && <AxesStep form={form} />}
        {step === 3 && <ProjectsStep form={form} />}
        {step === 4 && <ObservationsStep form={form} />}
        {step === 5 && (
          <ReviewStep form={form} completion={completion} goTo={(target) => void goTo(target)} />
        )}

        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          {step > 0 && (
            <li>
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-arrow-left-line"
                disabled={busy}
                onClick={() => void goTo(step - 1)}
              >
                Étape précédente
              </Button>
            </li>
          )}
          <li>
            {step < lastStep ? (
              <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={busy}>
                Étape suivante
              </Button>
            ) : (
              <Button type="submit" iconId="fr-icon-check-line" disabled={busy}>
                Valider le diagnostic
              </Button>
            )}
          </li>
        </ul>
      </form>
      <p role="status" className="fr-text--sm">
        {busy ? 'Enregistrement…' : savedAt ? `Brouillon enregistré à ${savedAt}.` : ''}
      </p>

      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button
            type="button"
            priority="tertiary"
            iconId="fr-icon-save-line"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                if (await persist()) onDone({ kind: 'saved' });
              })
            }
          >
            Enregistrer et quitter
          </Button>
        </li>
        <li>
          <Button
            ref={discardButtonRef}
            type="button"
            priority="tertiary"
            iconId="fr-icon-delete-line"
            disabled={busy || confirmDiscard}
            onClick={() => setConfirmDiscard(true)}
          >
            Abandonner le brouillon
          </Button>
        </li>
      </ul>
      {confirmDiscard && (
        <div ref={confirmRef} tabIndex={-1}>
          <Alert
            severity="warning"
            title="Abandonner le brouillon ?"
            description={
              <>
                <span className="spie-block">
                  Tout ce qui a été saisi dans ce brouillon sera effacé. Les versions déjà validées du
                  diagnostic restent consultables.
                </span>
                <ApiErrorAlert error={discard.error} title="Le brouillon n’a pas été abandonné" />
                <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
                  <li>
                    <Button
                      type="button"
                      disabled={discard.isPending}
                      onClick={() =>
                        discard
                          .mutateAsync()
                          .then(() => onDone({ kind: 'discarded' }))
                          .catch(() => {})
                      }
                    >
                      Oui, abandonner le brouillon
                    </Button>
                  </li>
                  <li>
                    <Button
                      type="button"
                      priority="secondary"
                      onClick={() => {
                        setConfirmDiscard(false);
                        requestAnimationFrame(() => discardButtonRef.current?.focus());
                      }}
                    >
                      Non, continuer le diagnostic
                    </Button>
                  </li>
                </ul>
              </>
            }
          />
        </div>
      )}
    </>
  );
}
