import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  type Contract,
  contractsRoutes,
  type SignatureChannel,
  type SignatureLinkView,
} from '@spie/contract/contracts';
import type { PersonRecord } from '@spie/contract/people';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useOutletContext } from 'react-router';
import { call } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../components/formatDate';
import { contractsKey, personContractsKey } from './contracts.queries';

/** "Lien envoyé par SMS au 06 •• •• •• 12 le 12/10/2026 14:05, valable jusqu’au 19/10/2026 14:05." */
export function pendingLinkSentence(link: SignatureLinkView): string {
  const how = link.channel === 'sms' ? `par SMS au ${link.sentTo}` : `par e-mail à ${link.sentTo}`;
  return `Lien envoyé ${how} le ${formatDateTime(link.sentAt)}, valable jusqu’au ${formatDateTime(link.expiresAt)}.`;
}

/** Which channels the person has, when the page knows the person's contact details. */
export function availableChannels(person: PersonRecord | undefined): {
  channels: SignatureChannel[];
  preferred: SignatureChannel | null;
} | null {
  const identity = person?.identity;
  if (!identity) return null;
  const channels: SignatureChannel[] = [];
  if (identity.phoneMobile) channels.push('sms');
  if (identity.email) channels.push('email');
  const wanted = identity.preferredChannel;
  const preferred = channels.find((channel) => channel === wanted) ?? channels[0] ?? null;
  return { channels, preferred };
}

function useIssueLink(contract: Contract) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (channel: SignatureChannel | undefined) =>
      call(contractsRoutes.issueLink, {
        params: { id: contract.id },
        body: channel ? { channel } : {},
      }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contractsKey }),
        client.invalidateQueries({ queryKey: personContractsKey(contract.personId) }),
      ]),
  });
}

/**
 * Remote signature of a proposed contract: what will happen, the channel (when the person has both
 * a mobile phone and an e-mail), the button to send the link, then the pending link and a resend.
 */
export function SignatureLinkPanel({ contract }: { contract: Contract }) {
  const titleId = useId();
  // Under the person page the record (with the contact details, when readable) is in the outlet context.
  const person = useOutletContext<{ person?: PersonRecord } | undefined>()?.person;
  const known = availableChannels(person);
  const [channel, setChannel] = useState<SignatureChannel | null>(known?.preferred ?? null);
  const [confirmResend, setConfirmResend] = useState(false);
  const [sentNotice, setSentNotice] = useState<SignatureLinkView | null>(null);
  const issue = useIssueLink(contract);
  const noticeRef = useRef<HTMLDivElement>(null);
  const pending = sentNotice ?? contract.pendingLink;

  useEffect(() => {
    if (sentNotice) noticeRef.current?.focus();
  }, [sentNotice]);

  const send = async () => {
    try {
      const link = await issue.mutateAsync(channel ?? undefined);
      setConfirmResend(false);
      setSentNotice(link);
    } catch {
      // Shown by the alert.
    }
  };

  const chooser =
    known && known.channels.length > 1 ? (
      <RadioButtons
        legend="Envoyer le lien par"
        name={`${titleId}-channel`}
        orientation="horizontal"
        options={known.channels.map((value) => ({
          label: value === 'sms' ? 'SMS (téléphone mobile)' : 'E-mail',
          nativeInputProps: {
            value,
            checked: channel === value,
            onChange: () => setChannel(value),
          },
        }))}
      />
    ) : null;

  return (
    <section aria-labelledby={titleId} className="spie-panel">
      <h3 id={titleId} className="fr-h5">
        Signature à distance
      </h3>
      <p>La personne reçoit un lien valable 7 jours. Elle lit son contrat, reçoit un code et signe.</p>
      {known && known.channels.length === 1 && (
        <p className="fr-text--sm">
          Le lien sera envoyé par {known.channels[0] === 'sms' ? 'SMS sur son téléphone mobile' : 'e-mail'}.
        </p>
      )}
      {known && known.channels.length === 0 && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description="La personne n’a ni téléphone mobile ni adresse e-mail : faites-lui signer le contrat en rendez-vous."
        />
      )}
      <ApiErrorAlert error={issue.error} title="Le lien n’a pas pu être envoyé" />

      {pending ? (
        <>
          <div ref={noticeRef} tabIndex={-1}>
            <p role="status" className="fr-mb-2w">
              <strong>{pendingLinkSentence(pending)}</strong>
            </p>
          </div>
          {confirmResend ? (
            <div className="fr-mb-2w">
              <p className="fr-text--sm">
                Un nouveau lien remplace l’ancien : le lien déjà envoyé ne marchera plus.
              </p>
              {chooser}
              <div className="spie-actions">
                <Button type="button" onClick={send} disabled={issue.isPending}>
                  {issue.isPending ? 'Envoi en cours…' : 'Envoyer le nouveau lien'}
                </Button>
                <Button type="button" priority="tertiary" onClick={() => setConfirmResend(false)}>
                  Annuler
                </Button>
              </div>
            </div>
          ) : (
            <div className="spie-actions">
              <Button type="button" priority="secondary" onClick={() => setConfirmResend(true)}>
                Renvoyer un nouveau lien
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          {chooser}
          <div className="spie-actions">
            <Button type="button" iconId="fr-icon-send-plane-line" onClick={send} disabled={issue.isPending}>
              {issue.isPending ? 'Envoi en cours…' : 'Envoyer le lien de signature'}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
