import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { PublicSignatureState, SignatureChannel } from '@spie/contract/contracts';
import { type FormEvent, useState } from 'react';
import { ContactBlock } from './ContactBlock';
import { PublicErrorAlert } from './PublicErrorAlert';
import { StepHeading } from './StepHeading';
import { channelOptionLabel, channelWords, momentInWords } from './signatureFormat';

/** Step 1: who proposes the contract, why a code, where to receive it. */
export function CodeRequestStep({
  link,
  focus,
  pending,
  error,
  onSend,
}: {
  link: PublicSignatureState;
  focus: boolean;
  pending: boolean;
  error: unknown;
  onSend: (channel: SignatureChannel) => void;
}) {
  const channels = link.codeChannels;
  const [channel, setChannel] = useState<SignatureChannel | null>(channels[0]?.channel ?? null);
  const title = link.firstName ? `Bonjour ${link.firstName}` : 'Bonjour';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (channel) onSend(channel);
  };

  return (
    <>
      <StepHeading title={title} focus={focus} />
      <p className="fr-text--sm spie-muted">Étape 1 sur 3</p>
      <p>{link.organisationName} vous propose de signer votre contrat d’engagement.</p>
      <p>Pour protéger vos informations, nous allons vous envoyer un code.</p>
      <p>Ce lien marche jusqu’au {momentInWords(link.expiresAt)}.</p>
      {channels.length === 0 ? (
        <>
          <p>
            Nous n’avons ni votre téléphone mobile ni votre adresse e-mail : nous ne pouvons pas vous envoyer
            de code. Contactez votre référent·e pour signer en rendez-vous.
          </p>
          <ContactBlock organisationName={link.organisationName} contact={link.contact} />
        </>
      ) : (
        <form noValidate onSubmit={submit}>
          <PublicErrorAlert error={error} title="Le code n’a pas pu être envoyé" />
          {channels.length > 1 ? (
            <RadioButtons
              legend="Où voulez-vous recevoir le code ?"
              name="code-channel"
              options={channels.map((option) => ({
                label: channelOptionLabel(option.channel, option.masked),
                nativeInputProps: {
                  value: option.channel,
                  checked: channel === option.channel,
                  onChange: () => setChannel(option.channel),
                },
              }))}
            />
          ) : (
            channels[0] && (
              <p>Nous allons envoyer le code {channelWords(channels[0].channel, channels[0].masked)}.</p>
            )
          )}
          <Button type="submit" size="large" disabled={pending}>
            {pending ? 'Envoi en cours…' : 'Recevoir un code'}
          </Button>
        </form>
      )}
    </>
  );
}
