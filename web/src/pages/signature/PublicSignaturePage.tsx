import type { SignatureChannel, SignatureSummary } from '@spie/contract/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/PageHeading';
import { CodeEntryStep } from './CodeEntryStep';
import { CodeRequestStep } from './CodeRequestStep';
import { LinkStatePage, UnknownLinkPage } from './LinkStatePage';
import { PublicErrorAlert } from './PublicErrorAlert';
import { SignedStep } from './SignedStep';
import { SummaryStep } from './SummaryStep';
import { usePublicSignature, useSendCode, useSign, useVerifyCode } from './signature.queries';
import { channelWords } from './signatureFormat';
import './signature.css';

type Step =
  | { name: 'request' }
  | { name: 'code'; channel: SignatureChannel; sentTo: string; validMinutes: number }
  | { name: 'summary'; ticket: string; summary: SignatureSummary }
  | { name: 'signed'; signedAt: string; organisationName: string; summary: SignatureSummary };

/** A refusal that may mean the link changed meanwhile (expired, used, replaced): ask its state again. */
function mayHaveChangedLink(error: unknown): boolean {
  return !isApiError(error) || error.kind !== 'validation';
}

/**
 * `/signature/:token` — the person's own page, without an account: prove who they are with a code,
 * read the contract in plain words, sign. One thing per screen; the focus moves to each screen's title.
 */
export function PublicSignaturePage() {
  const token = useParams().token ?? '';
  const link = usePublicSignature(token);
  const sendCode = useSendCode(token);
  const verify = useVerifyCode(token);
  const sign = useSign(token);
  const [step, setStep] = useState<Step>({ name: 'request' });
  // The first screen is the page itself; every later screen takes the focus on its title.
  const [moved, setMoved] = useState(false);
  const [resent, setResent] = useState(0);

  const goTo = (next: Step) => {
    setMoved(true);
    setStep(next);
  };
  const onRefused = (error: unknown) => {
    if (mayHaveChangedLink(error)) {
      setMoved(true);
      void link.refetch();
    }
  };

  const requestCode = (channel: SignatureChannel, again: boolean) => {
    sendCode.reset();
    verify.reset();
    sendCode.mutate(channel, {
      onSuccess: (result) => {
        if (again) setResent((n) => n + 1);
        else goTo({ name: 'code', channel, sentTo: result.sentTo, validMinutes: result.validMinutes });
      },
      onError: onRefused,
    });
  };

  const checkCode = (code: string) => {
    sendCode.reset();
    verify.mutate(code, {
      onSuccess: (result) => goTo({ name: 'summary', ticket: result.ticket, summary: result.summary }),
      onError: onRefused,
    });
  };

  const signContract = (ticket: string, summary: SignatureSummary) => {
    sign.mutate(ticket, {
      onSuccess: (result) =>
        goTo({
          name: 'signed',
          signedAt: result.signedAt,
          organisationName: result.organisationName,
          summary,
        }),
      onError: onRefused,
    });
  };

  const restart = () => {
    sign.reset();
    verify.reset();
    sendCode.reset();
    goTo({ name: 'request' });
  };

  return <div className="spie-signature">{content()}</div>;

  function content() {
    // Once signed, the link reads « utilisé »: keep the confirmation on screen.
    if (step.name === 'signed') {
      return (
        <SignedStep
          signedAt={step.signedAt}
          organisationName={step.organisationName}
          nextAppointment={step.summary.nextAppointment}
          focus={moved}
        />
      );
    }
    if (link.isPending) return <PendingTitle />;
    if (link.isError) {
      const status = isApiError(link.error) ? link.error.status : 0;
      if (status === 404 || status === 400) return <UnknownLinkPage focus={moved} />;
      return <LoadError error={link.error} />;
    }
    const state = link.data;
    if (state.state !== 'valide') return <LinkStatePage link={state} focus={moved} />;

    switch (step.name) {
      case 'request':
        return (
          <CodeRequestStep
            link={state}
            focus={moved}
            pending={sendCode.isPending}
            error={sendCode.error}
            onSend={(channel) => requestCode(channel, false)}
          />
        );
      case 'code':
        return (
          <CodeEntryStep
            sentTo={channelWords(step.channel, step.sentTo)}
            validMinutes={step.validMinutes}
            focus={moved}
            verifying={verify.isPending}
            verifyError={verify.error}
            resending={sendCode.isPending}
            resendError={sendCode.error}
            resent={resent}
            onVerify={checkCode}
            onResend={() => requestCode(step.channel, true)}
          />
        );
      case 'summary':
        return (
          <SummaryStep
            summary={step.summary}
            focus={moved}
            signing={sign.isPending}
            signError={sign.error}
            onSign={() => signContract(step.ticket, step.summary)}
            onRestart={restart}
          />
        );
    }
  }
}

function PendingTitle() {
  useDocumentTitle('Signature de votre contrat');
  return <Loading label="Chargement de votre contrat…" />;
}

function LoadError({ error }: { error: unknown }) {
  useDocumentTitle('Signature de votre contrat');
  return (
    <>
      <h1 tabIndex={-1} className="spie-page-heading">
        Signature de votre contrat
      </h1>
      <PublicErrorAlert error={error} title="La page n’a pas pu être chargée" />
      <p>Rechargez la page dans quelques instants.</p>
    </>
  );
}
