import {
  type ContractStatus,
  contractStatusLabels,
  contractsRoutes,
  type SignatureChannel,
  type SignatureLinkView,
  signatureChannelLabels,
} from '@spie/contract/contracts';
import { sql } from 'kysely';
import type { MemberActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { addDays, frenchDate, parisToday, personEvent, requireNotMerged } from '../people';
import { loadTerritory } from '../territories';
import { mayWriteContract } from './contracts.access';
import { loadContractRow } from './contracts.store';
import { hashToken, masked, newLinkToken, signaturePath } from './signature.tokens';

/** What the person's record says about how to reach them. */
export interface PersonContact {
  first_names: string[];
  preferred_channel: string | null;
  email: string | null;
  phone_mobile: string | null;
}

export const NO_CONTACT_MESSAGE =
  'La personne n’a ni téléphone portable ni adresse e-mail dans son dossier : faites-la signer en rendez-vous (sur papier ou à l’écran), ou complétez son dossier.';

/**
 * The channel of the link: the one asked for, else the person's preferred one (SMS or e-mail),
 * else whichever the record holds (mobile phone first). Null recipient: nothing to send to.
 */
export function chooseChannel(
  p: PersonContact,
  requested?: SignatureChannel,
): { channel: SignatureChannel; recipient: string } | { refusal: { path: string; message: string } } {
  if (requested === 'sms')
    return p.phone_mobile
      ? { channel: 'sms', recipient: p.phone_mobile }
      : {
          refusal: {
            path: 'channel',
            message:
              'Pas de téléphone portable dans le dossier : choisissez l’e-mail, ou complétez le dossier.',
          },
        };
  if (requested === 'email')
    return p.email
      ? { channel: 'email', recipient: p.email }
      : {
          refusal: {
            path: 'channel',
            message: 'Pas d’adresse e-mail dans le dossier : choisissez le SMS, ou complétez le dossier.',
          },
        };
  if (p.preferred_channel === 'email' && p.email) return { channel: 'email', recipient: p.email };
  if (p.preferred_channel === 'sms' && p.phone_mobile) return { channel: 'sms', recipient: p.phone_mobile };
  if (p.phone_mobile) return { channel: 'sms', recipient: p.phone_mobile };
  if (p.email) return { channel: 'email', recipient: p.email };
  return { refusal: { path: 'channel', message: NO_CONTACT_MESSAGE } };
}

export const notProposed = (status: string) =>
  new DomainError(
    'invalid_transition',
    'contract.not_proposed',
    `Ce contrat est « ${contractStatusLabels[status as ContractStatus] ?? status} » : un lien de signature ne s’envoie que pour un contrat proposé à la personne. Proposez-le d’abord.`,
    undefined,
    { status },
  );

export interface LinkToIssue {
  contractId: string;
  personId: string;
  firstName: string;
  organisationName: string;
  channel: SignatureChannel;
  recipient: string;
}

export interface IssuedLink {
  id: string;
  contractId: string;
  personId: string;
  channel: SignatureChannel;
  sentTo: string;
  /** Only for tests and the notification: never stored, never logged. */
  token: string;
}

/** Message of the link, in plain French (SMS: short). */
export function linkMessage(l: LinkToIssue, token: string, expiresOn: string, publicUrl: string | null) {
  return {
    subject: 'Votre contrat d’engagement à signer',
    body: [
      `Bonjour ${l.firstName},`,
      `votre contrat d’engagement avec ${l.organisationName} est prêt.`,
      `Lisez-le et signez-le ici : ${signaturePath(token, publicUrl)}`,
      `Ce lien marche jusqu’au ${frenchDate(expiresOn)}. Un code vous sera envoyé pour vérifier que c’est bien vous.`,
    ].join('\n'),
  };
}

const CHUNK = 500;

/**
 * Issues links for contracts already checked (status `propose`, caller allowed): previous open
 * links of these contracts stop working, one link and one notification per contract, one
 * timeline entry each (never the token). A fixed number of statements whatever the count.
 */
export async function issueLinksCore(
  ctx: UseCaseContext<MemberActor>,
  items: readonly LinkToIssue[],
): Promise<{ links: IssuedLink[]; expiresAt: Date }> {
  const t = ctx.actor.territoryId;
  if (items.length === 0) return { links: [], expiresAt: ctx.now };
  const { settings } = await loadTerritory(ctx.trx, t);
  const days = settings.signatureLinkDays;
  const expiresAt = new Date(ctx.now.getTime() + days * 86_400_000);
  const expiresOn = addDays(parisToday(ctx.now), days);
  const contractIds = items.map((i) => i.contractId);
  await ctx.trx
    .updateTable('signature_links')
    .set({ replaced_at: ctx.now })
    .where('territory_id', '=', t)
    .where(sql<boolean>`contract_id = any(${contractIds}::uuid[])`)
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .execute();
  const prepared = items.map((item) => ({ item, token: newLinkToken() }));
  const links: IssuedLink[] = [];
  for (let i = 0; i < prepared.length; i += CHUNK) {
    const chunk = prepared.slice(i, i + CHUNK);
    const rows = await ctx.trx
      .insertInto('signature_links')
      .values(
        chunk.map(({ item, token }) => ({
          territory_id: t,
          contract_id: item.contractId,
          person_id: item.personId,
          token_hash: hashToken(token),
          channel: item.channel,
          sent_to_masked: masked(item.channel, item.recipient),
          expires_at: expiresAt,
          sent_by_account_id: ctx.actor.accountId,
          created_at: ctx.now,
        })),
      )
      .returning(['id', 'contract_id'])
      .execute();
    const idByContract = new Map(rows.map((r) => [r.contract_id, r.id]));
    await ctx.trx
      .insertInto('notifications')
      .values(
        chunk.map(({ item, token }) => ({
          territory_id: t,
          channel: item.channel,
          recipient: item.recipient,
          person_id: item.personId,
          // The sender sees it in the demo inbox.
          created_by_account_id: ctx.actor.accountId,
          ...linkMessage(item, token, expiresOn, ctx.deps.config.publicUrl),
          created_at: ctx.now,
          next_attempt_at: ctx.now,
        })),
      )
      .execute();
    for (const { item, token } of chunk) {
      links.push({
        id: idByContract.get(item.contractId) as string,
        contractId: item.contractId,
        personId: item.personId,
        channel: item.channel,
        sentTo: masked(item.channel, item.recipient),
        token,
      });
    }
  }
  for (const l of links) {
    ctx.emit(
      personEvent(
        ctx,
        'ContractSignatureLinkSent',
        l.personId,
        {
          section: 'journey',
          summary: `Lien de signature envoyé par ${l.channel === 'sms' ? 'SMS' : 'e-mail'}`,
          link: `/personnes/${l.personId}/contrat`,
        },
        { contractId: l.contractId, linkId: l.id, channel: l.channel },
      ),
    );
  }
  return { links, expiresAt };
}

/** Contact and names needed to send links, for many contracts in one query. */
export async function linkTargets(ctx: UseCaseContext<MemberActor>, contractIds: readonly string[]) {
  return ctx.trx
    .selectFrom('engagement_contracts as c')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'c.territory_id').onRef('p.id', '=', 'c.person_id'),
    )
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'c.territory_id').onRef('o.id', '=', 'c.organisation_id'),
    )
    .select([
      'c.id',
      'c.person_id',
      'c.status',
      'c.kind',
      'c.organisation_name',
      'o.name as organisation',
      'p.first_names',
      'p.preferred_channel',
      'p.email',
      'p.phone_mobile',
      'p.merged_into_id',
    ])
    .where('c.territory_id', '=', ctx.actor.territoryId)
    .where(sql<boolean>`c.id = any(${contractIds}::uuid[])`)
    .execute();
}
export type LinkTarget = Awaited<ReturnType<typeof linkTargets>>[number];

export const toIssue = (
  target: LinkTarget,
  chosen: { channel: SignatureChannel; recipient: string },
): LinkToIssue => ({
  contractId: target.id,
  personId: target.person_id,
  firstName: target.first_names[0] ?? '',
  organisationName: target.organisation ?? target.organisation_name ?? 'votre structure d’accompagnement',
  ...chosen,
});

const input = contractsRoutes.issueLink.params.extend(contractsRoutes.issueLink.body.shape);

/**
 * Sends the person a single-use signature link for a proposed contract (référent or co-référent):
 * the previous link stops working. The link goes by the person's preferred channel, SMS or e-mail.
 */
export const issueLink = defineUseCase({
  name: 'contracts.issueLink',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, input.id);
    return mayWriteContract(ctx, row.person_id);
  },
  run: async (ctx, input): Promise<SignatureLinkView & { personId: string }> => {
    const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, input.id, true);
    await requireNotMerged(ctx, row.person_id);
    if (row.status !== 'propose') throw notProposed(row.status);
    const [target] = await linkTargets(ctx, [row.id]);
    if (!target) throw new Error('contract vanished');
    const chosen = chooseChannel(target, input.channel);
    if ('refusal' in chosen)
      throw new DomainError('validation', 'contract.no_contact', chosen.refusal.message, [chosen.refusal]);
    const { links, expiresAt } = await issueLinksCore(ctx, [toIssue(target, chosen)]);
    const link = links[0] as IssuedLink;
    const me = await ctx.trx
      .selectFrom('accounts')
      .select(['first_name', 'last_name'])
      .where('id', '=', ctx.actor.accountId)
      .executeTakeFirstOrThrow();
    return {
      id: link.id,
      channel: link.channel,
      sentTo: link.sentTo,
      sentAt: ctx.now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      sentBy: { accountId: ctx.actor.accountId, name: `${me.first_name} ${me.last_name}` },
      personId: row.person_id,
    };
  },
  auditSubject: (input, output) => ({
    subjectType: 'contract',
    subjectId: input.id,
    personId: output.personId,
    section: 'journey',
    details: { linkId: output.id, channel: output.channel },
  }),
});

export const channelLabel = (c: SignatureChannel) => signatureChannelLabels[c];
