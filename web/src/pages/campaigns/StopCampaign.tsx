import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCancelCampaign } from './campaigns.queries';

/** « Arrêter la campagne », after a confirmation in words (no pop-up). */
export function StopCampaign({
  campaignId,
  onDone,
}: {
  campaignId: string;
  onDone: (message: string) => void;
}) {
  const cancel = useCancelCampaign(campaignId);
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const stop = async () => {
    try {
      await cancel.mutateAsync();
      setAsking(false);
      onDone('La campagne est arrêtée : plus aucune invitation, relance ni convocation ne partira.');
    } catch {
      // Shown below.
    }
  };

  return (
    <section aria-labelledby="report-stop" className="spie-campaign-step">
      <h2 id="report-stop">Arrêter la campagne</h2>
      <ApiErrorAlert error={cancel.error} title="La campagne n’a pas été arrêtée" />
      {asking ? (
        <div className="spie-confirm">
          <p ref={questionRef} tabIndex={-1} className="fr-text--bold">
            Voulez-vous vraiment arrêter la campagne ?
          </p>
          <p>
            Plus aucune invitation, relance ni convocation ne partira. Les rendez-vous déjà pris restent
            prévus. Cela ne peut pas être annulé.
          </p>
          <div className="spie-actions">
            <Button priority="primary" onClick={stop} disabled={cancel.isPending}>
              {cancel.isPending ? 'Arrêt en cours…' : 'Oui, arrêter la campagne'}
            </Button>
            <Button
              priority="secondary"
              onClick={() => {
                setAsking(false);
                setTimeout(() => document.getElementById('campaign-stop')?.focus(), 0);
              }}
            >
              Non, la laisser continuer
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p>Pour arrêter tous les envois de cette campagne : invitations, relances et convocations.</p>
          <Button
            priority="tertiary"
            iconId="fr-icon-close-circle-line"
            nativeButtonProps={{ id: 'campaign-stop' }}
            onClick={() => setAsking(true)}
          >
            Arrêter la campagne
          </Button>
        </>
      )}
    </section>
  );
}
