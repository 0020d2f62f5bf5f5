import type { Deps } from '../../kernel/deps';
import type { StoredEvent } from '../../kernel/outbox';
import { queueNotification } from '../notifications';

/** AccountCreated → a welcome email telling the professional how to sign in. */
export async function welcomeNewAccount(deps: Deps, event: StoredEvent): Promise<void> {
  const accountId = String(event.payload.accountId);
  const territoryId = event.territoryId;
  if (!territoryId) return;
  await deps.database.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'first_name'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    const territory = await trx
      .selectFrom('territories')
      .select('name')
      .where('id', '=', territoryId)
      .executeTakeFirst();
    if (!account || !territory) return;
    // Idempotent: a retried event does not send a second welcome.
    const already = await trx
      .selectFrom('notifications')
      .select('id')
      .where('territory_id', '=', territoryId)
      .where('recipient_account_id', '=', accountId)
      .where('subject', 'like', 'Bienvenue%')
      .executeTakeFirst();
    if (already) return;
    await queueNotification(
      trx,
      {
        territoryId,
        channel: 'email',
        recipient: account.email,
        recipientAccountId: accountId,
        subject: 'Bienvenue sur SPIE',
        body: [
          `Bonjour ${account.first_name},`,
          '',
          `Un compte SPIE vient d’être créé pour vous sur le territoire ${territory.name}.`,
          'Vous pourrez vous connecter avec ProConnect, en utilisant cette adresse électronique professionnelle.',
          '',
          'L’équipe SPIE',
        ].join('\n'),
      },
      deps.clock.now(),
    );
  });
}
