import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { verifyCodeBody } from '@spie/contract/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api';
import { StepHeading } from './StepHeading';

/** The server's refusal of a code, in its own words ("Code incorrect…", "Demandez un nouveau code…"). */
export function codeErrorMessage(error: unknown): string | null {
  if (!error) return null;
  if (!isApiError(error)) return 'Le code n’a pas pu être vérifié. Réessayez.';
  return error.fields[0]?.message ?? error.message;
}

/** Step 2: type the 6-digit code, or ask for a new one. Errors are on the field and announced. */
export function CodeEntryStep({
  sentTo,
  validMinutes,
  focus,
  verifying,
  verifyError,
  resending,
  resendError,
  resent,
  onVerify,
  onResend,
}: {
  sentTo: string;
  validMinutes: number;
  focus: boolean;
  verifying: boolean;
  verifyError: unknown;
  resending: boolean;
  resendError: unknown;
  resent: number;
  onVerify: (code: string) => void;
  onResend: () => void;
}) {
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const serverError = codeErrorMessage(verifyError) ?? codeErrorMessage(resendError);
  const error = localError ?? serverError;

  // A refused code: put the person back on the field, where the message is read out.
  useEffect(() => {
    if (serverError) inputRef.current?.focus();
  }, [serverError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = verifyCodeBody.shape.code.safeParse(code.replace(/\s/g, ''));
    if (!parsed.success) {
      setLocalError(parsed.error.issues[0]?.message ?? 'Le code contient 6 chiffres.');
      inputRef.current?.focus();
      return;
    }
    setLocalError(null);
    onVerify(parsed.data);
  };

  return (
    <>
      <StepHeading title="Saisissez le code à 6 chiffres" focus={focus} />
      <p className="fr-text--sm spie-muted">Étape 2 sur 3</p>
      <p>
        Nous vous avons envoyé un code {sentTo}. Il marche pendant {validMinutes} minutes.
      </p>
      <form noValidate onSubmit={submit}>
        <Input
          className="spie-signature__code"
          label="Code reçu"
          hintText="6 chiffres, par exemple 123456"
          nativeInputProps={{
            ref: inputRef,
            id: 'signature-code',
            name: 'code',
            autoComplete: 'one-time-code',
            inputMode: 'numeric',
            maxLength: 6,
            value: code,
            onChange: (event) => {
              setCode(event.target.value);
              setLocalError(null);
            },
          }}
          {...(error ? { state: 'error' as const, stateRelatedMessage: error } : {})}
        />
        <div className="spie-actions">
          <Button type="submit" size="large" disabled={verifying}>
            {verifying ? 'Vérification…' : 'Valider le code'}
          </Button>
        </div>
      </form>
      <p>Vous n’avez rien reçu, ou le code ne marche plus ?</p>
      <Button type="button" priority="secondary" onClick={onResend} disabled={resending}>
        {resending ? 'Envoi en cours…' : 'Recevoir un nouveau code'}
      </Button>
      <p role="status" className="fr-mt-2w">
        {resent > 0 ? `Un nouveau code vous a été envoyé ${sentTo}. Utilisez le dernier code reçu.` : ''}
      </p>
    </>
  );
}
