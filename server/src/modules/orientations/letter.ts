import { taggedPdf } from '../../kernel/pdf';

/** What the orientation letter says; all of it is known before the transaction that stores it. */
export interface LetterFacts {
  territoryName: string;
  /** The département's orientation service (the author of the decision). */
  senderName: string;
  recipient: { name: string; addressLines: string[] };
  dateLabel: string;
  pathLabel: string;
  pathMeaning: string;
  organisationName: string;
  organisationContact: string | null;
  contactDelayDays: number;
  contractDelayDays: number;
  contractDeadlineLabel: string;
  reorientation: boolean;
}

const PATH_MEANINGS: Record<string, string> = {
  emploi:
    'Le parcours emploi vous aide à trouver un emploi ou une formation : recherche d’offres, préparation des candidatures, entretiens.',
  socio_professionnel:
    'Le parcours socio-professionnel vous aide à la fois à régler des difficultés de la vie quotidienne et à avancer vers un emploi.',
  social:
    'Le parcours social vous aide d’abord à régler des difficultés de la vie quotidienne (logement, santé, démarches, budget) avant de chercher un emploi.',
};
export const pathMeaning = (path: string) => PATH_MEANINGS[path] ?? '';

/**
 * The decision letter as an accessible PDF (tagged, French, real text, title shown): headings and
 * paragraphs are structure elements a screen reader follows, in plain language. Renders in memory.
 */
export function renderOrientationLetter(f: LetterFacts): Promise<Buffer> {
  const title = f.reorientation ? 'Décision de réorientation' : 'Décision d’orientation';
  const pdf = taggedPdf({
    title: `${title} — ${f.territoryName}`,
    author: f.senderName,
    subject: 'Revenu de solidarité active',
  });
  const { p, h2 } = pdf;

  p(f.senderName);
  p([f.recipient.name, ...f.recipient.addressLines].join('\n'));
  p(`Le ${f.dateLabel}`);
  pdf.h1(title);
  p('Madame, Monsieur,');
  p(
    `Vous recevez le revenu de solidarité active (RSA). Le président du conseil départemental a décidé de vous orienter vers le parcours ${f.pathLabel.toLocaleLowerCase('fr-FR')}.`,
  );

  h2('Ce que cela veut dire pour vous');
  p(f.pathMeaning);
  p(
    `C’est ${f.organisationName} qui vous accompagnera. Une personne de cette structure, votre référent ou référente unique, vous contactera dans les ${f.contactDelayDays} jours pour un premier rendez-vous.${f.organisationContact ? ` Vous pouvez aussi la contacter : ${f.organisationContact}.` : ''}`,
  );

  h2('Votre contrat d’engagement');
  p(
    `Avec votre référent ou référente, vous signerez un contrat d’engagement dans les ${f.contractDelayDays} jours, c’est-à-dire avant le ${f.contractDeadlineLabel}. Ce contrat dit ce que vous allez faire et l’aide que vous recevrez. Il est adapté à votre situation personnelle et familiale.`,
  );

  h2('Vos droits');
  p(
    'Si vous n’êtes pas d’accord avec cette décision, vous pouvez la contester. Écrivez d’abord au président du conseil départemental dans les 2 mois qui suivent la réception de ce courrier, en expliquant pourquoi (c’est le recours administratif préalable obligatoire).',
  );
  p(
    'Si la réponse ne vous convient pas, ou si vous n’avez pas de réponse dans les 2 mois, vous pouvez ensuite saisir le tribunal administratif.',
  );
  p(
    'Vous pouvez vous faire aider pour ces démarches par votre référent ou référente, un travailleur social ou une association. Vous pouvez demander à voir les informations qui vous concernent.',
  );
  p('Veuillez agréer, Madame, Monsieur, nos salutations distinguées.');
  p(f.senderName);
  return pdf.finish();
}
