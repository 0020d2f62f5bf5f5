import type { SignatureSummary } from '@spie/contract/contracts';
import { StepHeading } from './StepHeading';
import { appointmentInWords, momentInWords } from './signatureFormat';

/** Step 4: done — when, and what happens next. */
export function SignedStep({
  signedAt,
  organisationName,
  nextAppointment,
  focus,
}: {
  signedAt: string;
  organisationName: string;
  nextAppointment: SignatureSummary['nextAppointment'];
  focus: boolean;
}) {
  return (
    <>
      <StepHeading title="Votre contrat est signé" focus={focus} />
      <p>
        Vous avez signé votre contrat avec {organisationName} le {momentInWords(signedAt)}.
      </p>
      <p>Votre référent·e vous donnera une copie. Elle est aussi dans votre dossier.</p>
      {nextAppointment && (
        <p>
          Votre prochain rendez-vous : {appointmentInWords(nextAppointment.at, false)},{' '}
          {nextAppointment.place}.
        </p>
      )}
      <p>Vous pouvez fermer cette page.</p>
    </>
  );
}
