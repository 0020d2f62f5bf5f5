import {
  actionStatusLabels,
  adjustmentGroundLabels,
  adjustmentKindLabels,
  objectiveStatusLabels,
  planThemeLabels,
  signatureModeLabels,
} from '@spie/contract/contracts';
import { taggedPdf } from '../../kernel/pdf';
import { frenchDate } from '../people';
import type { ContractSnapshot } from './contractSnapshot';

const hours = (h: number) => `${String(h).replace('.', ',')} h`;
const parisDateTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));

/** The person's rights, in plain French (also shown on the remote signature page). */
export const contractRights = [
  'Vous pouvez vous faire accompagner par la personne de votre choix à chaque rendez-vous.',
  'Vous pouvez demander à tout moment à revoir ce contrat avec votre référent ou référente, si votre situation change.',
  'Ce contrat est revu au moins tous les 6 mois avec vous.',
  'Si vous n’êtes pas d’accord avec une décision prise sur votre accompagnement ou sur votre RSA, vous pouvez écrire au président du conseil départemental dans les 2 mois, puis saisir le tribunal administratif.',
  'Vous pouvez demander à voir les informations qui vous concernent.',
];

/**
 * The signed contract (or amendment) as an accessible PDF: both parties, dates, the plan
 * (objectives and their actions), the weekly activity and its adjustments, what the organisation
 * commits to, the person's rights, the signature. Rendered from the version's frozen snapshot.
 */
export function renderContractPdf(s: ContractSnapshot): Promise<Buffer> {
  const title = s.amendment ? `Contrat d’engagement — avenant n° ${s.version - 1}` : 'Contrat d’engagement';
  const pdf = taggedPdf({
    title: `${title} — ${s.person.name}`,
    author: s.organisation?.name ?? s.territoryName,
    subject: 'Contrat d’engagement réciproque (RSA, accompagnement vers l’emploi)',
  });
  const { p, h2, h3, list } = pdf;
  pdf.h1(title);
  p(
    `Ce contrat dit ce que vous allez faire pour avancer vers l’emploi, et l’aide que vous recevrez en retour. ${s.territoryName}.`,
  );

  h2('Les deux parties');
  p(['La personne accompagnée :', s.person.name, ...s.person.addressLines].join('\n'));
  p(
    [
      'La structure qui vous accompagne :',
      s.organisation?.name ?? 'non renseignée',
      ...(s.organisation?.contact ? [s.organisation.contact] : []),
      `Votre référent ou référente : ${s.referentName ?? 'à désigner'}`,
    ].join('\n'),
  );

  h2('Les dates du contrat');
  p(
    `Du ${s.startOn ? frenchDate(s.startOn) : '—'} au ${s.endOn ? frenchDate(s.endOn) : '—'}.${s.nextAppointment ? ` Prochain rendez-vous : ${parisDateTime(s.nextAppointment.at)}, ${s.nextAppointment.place}.` : ''}`,
  );

  h2('Mon plan d’action');
  if (s.objectives.length === 0) p('Aucun objectif.');
  s.objectives.forEach((o, i) => {
    h3(`Objectif ${i + 1} : ${o.label}`);
    p(
      `Thème : ${planThemeLabels[o.theme]}. État : ${objectiveStatusLabels[o.status].toLocaleLowerCase('fr-FR')}.`,
    );
    list(
      o.actions.map((a) => {
        const when = a.plannedEnd
          ? `du ${frenchDate(a.plannedStart)} au ${frenchDate(a.plannedEnd)}`
          : `à partir du ${frenchDate(a.plannedStart)}`;
        const who = a.responsibleOrganisation ? `, avec ${a.responsibleOrganisation.name}` : '';
        return `${a.label} : ${when}${who}, ${hours(a.plannedWeeklyHours)} par semaine (${actionStatusLabels[a.status].toLocaleLowerCase('fr-FR')}).`;
      }),
    );
  });

  h2('Mon activité chaque semaine');
  p(
    `Objectif : ${hours(s.weeklyTargetHours)} d’activité par semaine, en comptant toutes les actions du plan.`,
  );
  if (s.adjustments.length > 0)
    list(
      s.adjustments.map(
        (a) =>
          `${adjustmentKindLabels[a.kind]}${a.kind === 'reduction' ? ` à ${hours(a.hours)} par semaine` : ''}, du ${frenchDate(a.startOn)} au ${frenchDate(a.endOn)} — motif : ${adjustmentGroundLabels[a.ground].toLocaleLowerCase('fr-FR')}.`,
      ),
    );

  h2('Ce que la structure s’engage à faire');
  list(
    s.organisationCommitments.length > 0
      ? s.organisationCommitments
      : ['Vous recevoir en rendez-vous régulièrement et vous aider à réaliser les actions du plan.'],
  );

  h2('Mes droits');
  list(contractRights);

  h2('Signature');
  p(
    `${signatureModeLabels[s.signature.mode]}, le ${parisDateTime(s.signature.signedAt)}. ${s.amendment ? `Avenant n° ${s.version - 1} (version ${s.version} du contrat).` : `Version ${s.version} du contrat.`}`,
  );
  return pdf.finish();
}
