import type { PublicSignatureState } from '@spie/contract/contracts';
import { ContactBlock } from './ContactBlock';
import { StepHeading } from './StepHeading';
import { momentInWords } from './signatureFormat';

/** A link that can no longer be used: say so plainly, say that nothing was signed, say whom to call. */
export function LinkStatePage({ link, focus }: { link: PublicSignatureState; focus: boolean }) {
  const contact = <ContactBlock organisationName={link.organisationName} contact={link.contact} />;
  if (link.state === 'utilise') {
    return (
      <>
        <StepHeading title="Ce contrat est déjà signé" focus={focus} />
        <p>
          {link.usedAt
            ? `Vous avez signé votre contrat le ${momentInWords(link.usedAt)}.`
            : 'Vous avez déjà signé votre contrat avec ce lien.'}{' '}
          Ce lien ne sert plus.
        </p>
        <p>Pour avoir une copie de votre contrat ou poser une question, contactez votre référent·e.</p>
        {contact}
      </>
    );
  }
  if (link.state === 'remplace') {
    return (
      <>
        <StepHeading title="Ce lien a été remplacé" focus={focus} />
        <p>Un nouveau lien vous a été envoyé. Ce lien-ci ne marche plus. Votre contrat n’est pas signé.</p>
        <p>
          Ouvrez le lien le plus récent, reçu par SMS ou par e-mail. Si vous ne l’avez pas reçu, contactez
          votre référent·e.
        </p>
        {contact}
      </>
    );
  }
  return (
    <>
      <StepHeading title="Ce lien a expiré" focus={focus} />
      <p>Ce lien marchait jusqu’au {momentInWords(link.expiresAt)}. Votre contrat n’est pas signé.</p>
      <p>
        Contactez votre référent·e : il ou elle vous enverra un nouveau lien, ou vous signerez en rendez-vous.
      </p>
      {contact}
    </>
  );
}

/** The token is unknown (mistyped or cut link). */
export function UnknownLinkPage({ focus }: { focus: boolean }) {
  return (
    <>
      <StepHeading title="Ce lien n’existe pas" focus={focus} />
      <p>
        Le lien est peut-être incomplet. Vérifiez que vous avez ouvert le lien en entier, tel que vous l’avez
        reçu.
      </p>
      <p>
        Si cela ne marche toujours pas, contactez votre référent·e ou la structure qui vous accompagne : elle
        vous enverra un nouveau lien.
      </p>
    </>
  );
}
