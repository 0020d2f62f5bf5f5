import { pathLabels } from '@spie/contract/diagnostics';
import type { OrientationStatus } from '@spie/contract/orientations';
import { z } from 'zod';
import { systemActor } from '../../kernel/actor';
import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { defineUseCase, execute, type UseCaseContext } from '../../kernel/useCase';
import { queueNotification } from '../notifications';
import {
  addDays,
  directoryName,
  displayName,
  frenchDate,
  notifyAccountsBy,
  parisToday,
  storeGeneratedDocument,
} from '../people';
import { loadTerritory } from '../territories';
import { assignReferent } from './assignReferent';
import { type LetterFacts, pathMeaning, renderOrientationLetter } from './letter';
import {
  applyTransition,
  loadOrientation,
  referentOf,
  settingsOf,
  transitionSettings,
} from './orientations.store';

const CHANNEL_LABELS = { letter: 'courrier postal', email: 'courriel', sms: 'SMS' } as const;
type Channel = keyof typeof CHANNEL_LABELS;

async function personContact(
  ctx: UseCaseContext | { trx: Deps['database']['db'] },
  territoryId: string,
  personId: string,
) {
  return ctx.trx
    .selectFrom('persons as p')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .select([
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      'p.address_line',
      'p.postal_code',
      'c.name as commune_name',
      'p.preferred_channel',
      'p.email',
      'p.phone_mobile',
    ])
    .where('p.territory_id', '=', territoryId)
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
}
type Contact = Awaited<ReturnType<typeof personContact>>;

const addressLines = (p: Contact) =>
  [p.address_line, [p.postal_code, p.commune_name].filter(Boolean).join(' ')].filter((l): l is string => !!l);

/** Per the person's preferred channel; a phone call or no preference (or a missing contact) means a posted letter. */
function channelOf(p: Contact): { channel: Channel; recipient: string } {
  if (p.preferred_channel === 'email' && p.email) return { channel: 'email', recipient: p.email };
  if (p.preferred_channel === 'sms' && p.phone_mobile) return { channel: 'sms', recipient: p.phone_mobile };
  const address = [displayName(p), ...addressLines(p)].join(', ');
  return { channel: 'letter', recipient: address };
}

/** Everything the letter says, read before the transaction (rendering a PDF never holds one open). */
async function letterFacts(deps: Deps, territoryId: string, orientationId: string, contractDeadline: string) {
  const db = deps.database.db;
  const o = await db
    .selectFrom('orientations')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', orientationId)
    .executeTakeFirst();
  if (o?.status !== 'decidee' || !o.organisation_id || !o.path) return null;
  const territory = await loadTerritory(db, territoryId);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'phone', 'email', 'address_line', 'postal_code'])
    .where('territory_id', '=', territoryId)
    .where('id', '=', o.organisation_id)
    .executeTakeFirstOrThrow();
  const person = await personContact({ trx: db }, territoryId, o.person_id);
  const facts: LetterFacts = {
    territoryName: territory.name,
    senderName: `Le président du conseil départemental — ${territory.name}`,
    recipient: { name: displayName(person), addressLines: addressLines(person) },
    dateLabel: frenchDate(parisToday(deps.clock.now())),
    pathLabel: pathLabels[o.path as keyof typeof pathLabels],
    pathMeaning: pathMeaning(o.path),
    organisationName: org.name,
    organisationContact:
      [org.phone, org.email, [org.address_line, org.postal_code].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(' — ') || null,
    contactDelayDays: territory.settings.firstSupportAppointmentDays,
    contractDelayDays: territory.settings.contractSignatureDelayDays,
    contractDeadlineLabel: frenchDate(contractDeadline),
    reorientation: o.source === 'reorientation',
  };
  return facts;
}

const input = z.object({
  orientationId: z.uuid(),
  letter: z.instanceof(Buffer),
  contractDeadline: z.iso.date(),
});

/**
 * System step after a decision: the letter goes into the person's documents, the person is told
 * through their channel, the receiving organisation's structure managers are asked to assign a
 * référent, then `notify` (and `assign` when the decision named the référent). A redelivered
 * event finds the orientation already notified and does nothing.
 */
export const notifyOrientation = defineUseCase({
  name: 'orientations.notify',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: (ctx) => ctx.actor.territoryId !== null,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const row = await loadOrientation(ctx.trx, t, input.orientationId, true);
    if ((row.status as OrientationStatus) !== 'decidee' || !row.organisation_id)
      return { personId: row.person_id, done: false };
    const settings = await settingsOf(ctx.trx, t);
    const person = await personContact(ctx, t, row.person_id);
    const title = row.source === 'reorientation' ? 'reorientation' : 'orientation';
    const letterDocumentId = await storeGeneratedDocument(ctx.trx, {
      territoryId: t,
      personId: row.person_id,
      category: 'letter',
      section: 'documents',
      filename: `decision-${title}-${parisToday(ctx.now)}.pdf`,
      contentType: 'application/pdf',
      bytes: input.letter,
      organisationId: null,
      at: ctx.now,
    });
    const { channel, recipient } = channelOf(person);
    await queueNotification(
      ctx.trx,
      {
        territoryId: t,
        channel,
        recipient,
        personId: row.person_id,
        // Sent by the worker, caused by the decision maker (who then sees it in the demo inbox).
        createdByAccountId: row.decided_by_account_id,
        subject:
          channel === 'letter'
            ? 'Décision d’orientation (courrier postal à envoyer)'
            : 'Votre accompagnement RSA',
        body:
          channel === 'letter'
            ? `Courrier à imprimer et poster : document ${letterDocumentId} du dossier (décision d’orientation).`
            : 'Bonjour, le Département a pris une décision sur votre accompagnement RSA. Une structure vous contactera bientôt pour un premier rendez-vous. Le courrier de décision est disponible auprès d’elle.',
      },
      ctx.now,
    );
    const managers = await ctx.trx
      .selectFrom('memberships')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('organisation_id', '=', row.organisation_id)
      .where('role', '=', 'structure_manager')
      .where('ended_at', 'is', null)
      .execute();
    await notifyAccountsBy(
      ctx.trx,
      { territoryId: t, byAccountId: row.decided_by_account_id, now: ctx.now },
      row.person_id,
      managers.map((m) => m.account_id),
      'Une personne orientée vers votre structure',
      [
        `${directoryName(person)} est orienté·e vers votre structure : désignez son ou sa référent·e unique.`,
        'Liste « À affecter » : /orientations/a-affecter',
      ],
    );
    const ts = transitionSettings(settings);
    await applyTransition(ctx, row, {
      action: 'notify',
      actors: ['system'],
      settings: ts,
      fields: {},
      set: {
        notified_at: ctx.now,
        contract_deadline: input.contractDeadline,
        letter_document_id: letterDocumentId,
      },
      facts: { channelLabel: `${CHANNEL_LABELS[channel]}` },
      payload: { letterDocumentId, channel, contractDeadline: input.contractDeadline },
    });
    // The decision named the référent: the system designates them, if they still work there.
    const named = row.proposed_referent_account_id;
    if (named && (await referentOf(ctx.trx, t, row.organisation_id, named))) {
      const notified = await loadOrientation(ctx.trx, t, row.id, true);
      await assignReferent(ctx, notified, {
        actors: ['system'],
        settings: ts,
        referentAccountId: named,
        reason: 'Désignation par la décision d’orientation',
        byLabel: 'La décision d’orientation',
      });
    }
    return { personId: row.person_id, done: true };
  },
  auditSubject: (input, output) => ({
    subjectType: 'orientation',
    subjectId: input.orientationId,
    personId: output.personId,
    section: 'situation',
    details: { notified: output.done },
  }),
});

/** Subscriber of OrientationDecided: renders the letter outside any transaction, then notifies. */
export async function onOrientationDecided(deps: Deps, event: StoredEvent): Promise<void> {
  const territoryId = event.territoryId;
  const orientationId = event.payload.orientationId;
  if (!territoryId || typeof orientationId !== 'string') return;
  const settings = await settingsOf(deps.database.db, territoryId);
  const contractDeadline = addDays(parisToday(deps.clock.now()), settings.contractSignatureDelayDays);
  const facts = await letterFacts(deps, territoryId, orientationId, contractDeadline);
  if (!facts) return; // already notified (redelivery) or no longer decided
  const started = performance.now();
  const letter = await renderOrientationLetter(facts);
  deps.logger.debug(
    { orientationId, ms: Math.round(performance.now() - started), bytes: letter.length },
    'orientation letter rendered',
  );
  await execute(
    deps,
    notifyOrientation,
    { orientationId, letter, contractDeadline },
    systemActor('orientations.notify', territoryId),
  );
}
