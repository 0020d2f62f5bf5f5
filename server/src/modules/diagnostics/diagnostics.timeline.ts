import { type AuthorField, type Path, pathLabels } from '@spie/contract/diagnostics';
import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { personEvent } from '../people';

const lower = (text: string) => text.toLocaleLowerCase('fr-FR');

/** Timeline entries of the diagnostic (section 'diagnostic': its readers only). */
export const diagnosticEvents = {
  started: (ctx: UseCaseContext<MemberActor>, personId: string, diagnosticId: string) =>
    personEvent(
      ctx,
      'DiagnosticStarted',
      personId,
      { section: 'diagnostic', summary: 'Diagnostic commencé' },
      { diagnosticId },
    ),
  discarded: (ctx: UseCaseContext<MemberActor>, personId: string, diagnosticId: string) =>
    personEvent(
      ctx,
      'DiagnosticDiscarded',
      personId,
      { section: 'diagnostic', summary: 'Diagnostic en cours abandonné (les versions validées restent)' },
      { diagnosticId },
    ),
  completed: (
    ctx: UseCaseContext<MemberActor>,
    d: {
      personId: string;
      diagnosticId: string;
      version: number;
      recommendedPath: Path;
      chosenPath: Path | null;
    },
  ) =>
    personEvent(
      ctx,
      'DiagnosticCompleted',
      d.personId,
      {
        section: 'diagnostic',
        summary: `Diagnostic validé (version ${d.version}) — parcours recommandé : ${lower(pathLabels[d.recommendedPath])}${
          d.chosenPath ? ` ; parcours choisi : ${lower(pathLabels[d.chosenPath])}` : ''
        }`,
      },
      {
        diagnosticId: d.diagnosticId,
        version: d.version,
        recommendedPath: d.recommendedPath,
        chosenPath: d.chosenPath,
      },
    ),
  confirmed: (
    ctx: UseCaseContext<MemberActor>,
    d: { personId: string; diagnosticId: string; version: number; field: AuthorField; nowJoint: boolean },
  ) =>
    personEvent(
      ctx,
      'DiagnosticConfirmed',
      d.personId,
      {
        section: 'diagnostic',
        summary: `Diagnostic co-signé par un·e professionnel·le ${
          d.field === 'social' ? 'du champ social' : 'du champ de l’emploi'
        } (version ${d.version})${d.nowJoint ? ' — validé conjointement' : ''}`,
      },
      { diagnosticId: d.diagnosticId, version: d.version, field: d.field, jointlyValidated: d.nowJoint },
    ),
};
