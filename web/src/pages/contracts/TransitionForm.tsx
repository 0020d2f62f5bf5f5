import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError } from '@spie/contract';
import {
  type ContractEndReason,
  contractEndReasonLabels,
  contractEndReasons,
  signatureModeLabels,
} from '@spie/contract/contracts';
import { MAX_DOCUMENT_BYTES } from '@spie/contract/people';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FieldErrorList } from '../../components/FieldErrorList';
import { fieldState } from '../../components/fieldState';
import { applyServerFieldErrors } from '../../components/serverFieldErrors';
import { todayIso } from '../people/peopleFormat';
import { freeTextHint, type TransitionButton } from './contractFormat';
import type { useContractTransition } from './contracts.queries';
import { readFileAsBase64 } from './readFile';

const acceptedScan = ['application/pdf', 'image/jpeg', 'image/png'];
/** A conversion ends the contract with its own reason: not offered by hand. */
const endReasonChoices = contractEndReasons.filter((r) => r !== 'conversion');

const transitionForm = z.object({
  reason: z.string().trim().max(500, 'Motif : 500 caractères au plus.'),
  note: z.string().trim().max(1000, 'Note : 1000 caractères au plus.'),
  endReason: z.string(),
  signatureMode: z.string(),
  signedOn: z.string(),
});
type TransitionValues = z.infer<typeof transitionForm>;
const formPaths = ['reason', 'note', 'endReason', 'signatureMode', 'signedOn'] as const;

const successMessages: Record<NonNullable<TransitionButton['fields']>, string> = {
  signature: 'La signature est enregistrée. Le contrat signé (PDF) sera bientôt dans les documents.',
  reason: 'C’est enregistré.',
  note: 'La révision est terminée : le contrat continue sans changement.',
  endReason: 'Le contrat est terminé.',
};

/** The small form of a step that needs details (motif, note, motif de fin, signature en rendez-vous). */
export function TransitionForm({
  button,
  mutation,
  onDone,
  onCancel,
}: {
  button: TransitionButton;
  mutation: ReturnType<typeof useContractTransition>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const kind = button.fields ?? 'reason';
  const form = useForm<TransitionValues>({
    resolver: zodResolver(transitionForm),
    defaultValues: { reason: '', note: '', endReason: '', signatureMode: '', signedOn: todayIso() },
  });
  const { register, formState, setError } = form;
  const errors = formState.errors;
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    // Required fields of this step, checked here so the message is under the field.
    if (kind === 'reason' && !values.reason)
      return setError('reason', { message: 'Indiquez un motif.' }, { shouldFocus: true });
    if (kind === 'note' && !values.note)
      return setError('note', { message: 'Indiquez ce qui a été vu à la révision.' }, { shouldFocus: true });
    if (kind === 'endReason' && !values.endReason)
      return setError('endReason', { message: 'Choisissez le motif de fin.' }, { shouldFocus: true });
    if (kind === 'signature') {
      if (values.signatureMode !== 'papier' && values.signatureMode !== 'ecran')
        return setError(
          'signatureMode',
          { message: 'Choisissez comment la personne a signé.' },
          { shouldFocus: true },
        );
      if (!values.signedOn)
        return setError('signedOn', { message: 'Indiquez la date de la signature.' }, { shouldFocus: true });
      if (values.signedOn > todayIso())
        return setError(
          'signedOn',
          { message: 'La date ne peut pas être dans le futur.' },
          { shouldFocus: true },
        );
      if (file && !acceptedScan.includes(file.type)) {
        setFileError('Format non accepté : PDF, JPEG ou PNG seulement.');
        return fileRef.current?.focus();
      }
      if (file && file.size > MAX_DOCUMENT_BYTES) {
        setFileError('Fichier trop volumineux : 10 Mo au plus.');
        return fileRef.current?.focus();
      }
    }
    setFileError(null);
    try {
      const scan =
        kind === 'signature' && file
          ? { filename: file.name, contentBase64: await readFileAsBase64(file) }
          : undefined;
      await mutation.mutateAsync({
        action: button.action,
        ...(kind === 'reason' ? { reason: values.reason } : {}),
        ...(kind === 'note' ? { note: values.note } : {}),
        ...(kind === 'endReason'
          ? {
              endReason: values.endReason as ContractEndReason,
              ...(values.note ? { note: values.note } : {}),
            }
          : {}),
        ...(kind === 'signature'
          ? { signatureMode: values.signatureMode as 'papier' | 'ecran', signedOn: values.signedOn }
          : {}),
        ...(scan ? { scan } : {}),
      });
      onDone(
        button.action === 'startReview'
          ? 'La révision est ouverte : modifiez le plan, puis proposez l’avenant ou terminez la révision.'
          : button.action === 'renew'
            ? 'Le contrat est renouvelé.'
            : successMessages[kind],
      );
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, setError, formPaths));
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="transition-title" className="fr-mt-3w">
      <h4 id="transition-title" className="fr-h6" tabIndex={-1}>
        {button.label}
      </h4>
      <p className="fr-text--sm">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <ApiErrorAlert error={mutation.error} title="L’étape n’a pas été enregistrée" />
      <FieldErrorList fields={unmatched} />
      {kind === 'reason' && (
        <Input
          textArea
          label="Motif *"
          hintText={freeTextHint}
          nativeTextAreaProps={{ ...register('reason'), id: 'transition-reason', rows: 3, maxLength: 500 }}
          {...fieldState(errors.reason)}
        />
      )}
      {kind === 'note' && (
        <Input
          textArea
          label="Ce qui a été vu à la révision *"
          hintText={freeTextHint}
          nativeTextAreaProps={{ ...register('note'), id: 'transition-note', rows: 3, maxLength: 1000 }}
          {...fieldState(errors.note)}
        />
      )}
      {kind === 'endReason' && (
        <>
          <Select
            label="Motif de fin *"
            nativeSelectProps={{ ...register('endReason'), id: 'transition-end-reason' }}
            {...fieldState(errors.endReason)}
          >
            <option value="" disabled>
              Choisir le motif
            </option>
            {endReasonChoices.map((reason) => (
              <option key={reason} value={reason}>
                {contractEndReasonLabels[reason]}
              </option>
            ))}
          </Select>
          <Input
            textArea
            label="Précision (facultatif)"
            hintText={freeTextHint}
            nativeTextAreaProps={{ ...register('note'), id: 'transition-note', rows: 2, maxLength: 1000 }}
            {...fieldState(errors.note)}
          />
        </>
      )}
      {kind === 'signature' && (
        <>
          <p className="fr-text--sm">
            La personne a signé avec vous, en rendez-vous. Pour une signature à distance, envoyez-lui plutôt
            le lien de signature.
          </p>
          <RadioButtons
            legend="Comment la personne a-t-elle signé ? *"
            options={(['papier', 'ecran'] as const).map((mode) => ({
              label: signatureModeLabels[mode],
              nativeInputProps: { ...register('signatureMode'), value: mode },
            }))}
            {...fieldState(errors.signatureMode)}
          />
          <Input
            label="Date de la signature *"
            nativeInputProps={{
              ...register('signedOn'),
              id: 'transition-signed-on',
              type: 'date',
              max: todayIso(),
            }}
            {...fieldState(errors.signedOn)}
          />
          <Upload
            className="fr-mb-3w"
            label="Contrat signé scanné (facultatif)"
            hint="Formats acceptés : PDF, JPEG ou PNG. Taille maximale : 10 Mo. Il est rangé dans les documents de la personne."
            nativeInputProps={{
              ref: fileRef,
              accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
              onChange: (event) => setFile(event.target.files?.[0] ?? null),
            }}
            {...(fileError ? { state: 'error' as const, stateRelatedMessage: fileError } : {})}
          />
        </>
      )}
      <div className="spie-actions">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Envoi en cours…' : button.label}
        </Button>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
