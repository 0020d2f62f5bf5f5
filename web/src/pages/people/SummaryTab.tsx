import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formatNir, sectionLabels, sections, statusKindLabels, teamRoleLabels } from '@spie/contract/people';
import { useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useSession } from '../auth/auth.queries';
import { ContractSummaryBlock } from '../contracts/ContractSummaryBlock';
import { ReferralSummaryBlock } from '../referrals/ReferralSummaryBlock';
import { ContactToCheckAlert } from '../review/ContactToCheckAlert';
import { PersonAlertsSection } from '../review/PersonAlertsSection';
import { usePersonContext } from './PersonLayout';
import { useRevealNir } from './people.queries';
import { ageLabel, formatDay, statusValueLabel, todayIso } from './peopleFormat';

export function SummaryTab() {
  const { person } = usePersonContext();
  const role = useSession().data?.activeMembership?.role;
  const identity = person.identity;
  const today = todayIso();
  const openStatuses = (person.situation?.statuses ?? []).filter((s) => !s.endDate || s.endDate >= today);
  const referent = person.team.find((member) => member.role === 'referent' && member.status === 'active');
  const mayRevealNir =
    role === 'orientation_manager' ||
    (person.access.identity?.write === true &&
      (person.myRole === 'referent' || person.myRole === 'co_referent'));

  return (
    <>
      <h2>Synthèse</h2>
      {identity && (
        <ContactToCheckAlert
          personId={person.id}
          contactToCheck={identity.contactToCheck}
          mayEdit={person.access.identity?.write === true && !person.mergedInto}
        />
      )}
      <dl className="spie-facts">
        <dt>Âge</dt>
        <dd>
          {ageLabel(person.ageFacts.age)}
          {identity && <> (né·e le {formatDay(identity.birthDate)})</>}{' '}
          {person.ageFacts.under26 && (
            <Badge severity="new" small>
              Moins de 26 ans
            </Badge>
          )}{' '}
          {person.ageFacts.turning26Within60Days && (
            <Badge severity="warning" small>
              26 ans dans moins de 60 jours
            </Badge>
          )}
        </dd>
        {identity?.communeName && (
          <>
            <dt>Commune</dt>
            <dd>{identity.communeName}</dd>
          </>
        )}
        <dt>Référent·e unique</dt>
        <dd>
          {referent
            ? `${referent.professionalName ?? 'Professionnel·le non nommé·e'} — ${referent.organisationName}`
            : 'Aucun·e référent·e désigné·e pour le moment.'}
        </dd>
        <dt>Mon rôle dans l’équipe</dt>
        <dd>{person.myRole ? teamRoleLabels[person.myRole] : 'Vous ne faites pas partie de l’équipe.'}</dd>
        {person.situation && (
          <>
            <dt>Statuts en cours</dt>
            <dd>
              {openStatuses.length === 0 ? (
                'Aucun statut en cours.'
              ) : (
                <ul className="spie-plain-list">
                  {openStatuses.map((status) => {
                    const value = statusValueLabel(status.kind, status.value);
                    return (
                      <li key={status.id}>
                        {statusKindLabels[status.kind]}
                        {value && <> : {value}</>} (depuis le {formatDay(status.startDate)})
                      </li>
                    );
                  })}
                </ul>
              )}
            </dd>
          </>
        )}
        {identity && (
          <>
            <dt>NIR</dt>
            <dd>
              <NirValue personId={person.id} masked={identity.nirMasked} mayReveal={mayRevealNir} />
            </dd>
          </>
        )}
      </dl>

      {person.access.journey?.read === true && (
        <PersonAlertsSection
          personId={person.id}
          mayWrite={person.access.journey.write === true && !person.mergedInto}
        />
      )}
      {person.access.journey?.read === true && <ContractSummaryBlock personId={person.id} />}
      {person.access.journey?.read === true && <ReferralSummaryBlock personId={person.id} />}

      <h3 className="fr-h5 fr-mt-4w">Ce que vous pouvez voir dans ce dossier</h3>
      <ul>
        {sections.map((section) => {
          const access = person.access[section];
          const text = access?.write
            ? 'consultation et modification'
            : access?.read
              ? 'consultation seulement'
              : 'non visible pour votre rôle';
          return (
            <li key={section}>
              {sectionLabels[section]} : {text}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function NirValue({
  personId,
  masked,
  mayReveal,
}: {
  personId: string;
  masked: string | null;
  mayReveal: boolean;
}) {
  const reveal = useRevealNir(personId);
  const [shown, setShown] = useState<string | null>(null);
  const valueRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (shown) valueRef.current?.focus();
  }, [shown]);

  if (!masked) return <>Non renseigné.</>;
  if (shown) {
    return (
      <>
        <span ref={valueRef} tabIndex={-1} className="spie-nowrap">
          <strong>{formatNir(shown)}</strong>
        </span>{' '}
        <Button size="small" priority="tertiary" onClick={() => setShown(null)}>
          Masquer le NIR
        </Button>
      </>
    );
  }
  return (
    <>
      <span className="spie-nowrap">{masked}</span>
      <span className="fr-sr-only"> (en partie masqué)</span>
      {mayReveal && (
        <>
          {' '}
          <Button
            size="small"
            priority="secondary"
            disabled={reveal.isPending}
            onClick={() => reveal.mutate(undefined, { onSuccess: (result) => setShown(result.nir) })}
          >
            Afficher le NIR
          </Button>
          <span className="spie-block fr-text--xs fr-mb-0">
            L’affichage du NIR en clair est enregistré dans le journal des consultations du dossier.
          </span>
          <ApiErrorAlert error={reveal.error} title="Le NIR n’a pas pu être affiché" />
        </>
      )}
    </>
  );
}
