import type { ErrorBody } from '@spie/contract';
import { peopleRoutes as r, type TeamMember } from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
const errorOf = (body: unknown) => (body as ErrorBody).error;

async function orgOf(lastName: string) {
  return (
    await db()
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('m.organisation_id')
      .where('a.last_name', '=', lastName)
      .executeTakeFirstOrThrow()
  ).organisation_id;
}

type Pending = TeamMember & { personId: string; personName: string | null; direction: string };

async function team(client: TestClient, personId: string) {
  const res = await client.call<{ items: TeamMember[] }>(r.team, { params: { id: personId } });
  expect(res.status).toBe(200);
  return res.body.items;
}

async function notificationsTo(lastName: string) {
  return db()
    .selectFrom('notifications')
    .select(['subject', 'body', 'recipient'])
    .where('recipient_account_id', '=', await accountIdByLastName(ctx, lastName))
    .execute();
}

describe('acceptance: a mission locale joins a team of the ALI', () => {
  it('Cohen finds the person, asks to join, Girard accepts; Cohen reads the record but not the sensitive notes', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthName: 'Lebrun',
      firstNames: ['Inès'],
      birthDate: '1999-03-14',
    });
    const cohen = await loginAs(ctx, 'Cohen');
    const girard = await loginAs(ctx, 'Girard');
    const diallo = await loginAs(ctx, 'Diallo');

    // Cohen is not in the team: no record for her yet.
    expect((await cohen.call(r.team, { params: { id: personId } })).status).toBe(403);
    // The directory tells her the person is followed by the ALI.
    const dir = await cohen.call<{
      items: { personId: string; accompaniedBy: { organisationName: string }[] }[];
    }>(r.directory, { query: { lastName: 'Lebrun', birthDate: '1999-03-14' } });
    if (dir.status === 404 && errorOf(dir.body).code === 'route.not_found') {
      // Directory route not bound yet (other part of the module): the follow-up exists all the same.
      const followers = await db()
        .selectFrom('follow_ups')
        .select('organisation_id')
        .where('person_id', '=', personId)
        .execute();
      expect(followers.map((f) => f.organisation_id)).toEqual([await orgOf('Girard')]);
    } else {
      expect(dir.status).toBe(200);
      const card = dir.body.items.find((c) => c.personId === personId);
      expect(card?.accompaniedBy.map((a) => a.organisationName)).toContain(
        "Agence locale d'insertion de Bobigny – Drancy",
      );
    }

    const asked = await cohen.call<TeamMember>(r.requestToJoin, {
      params: { id: personId },
      body: { reason: 'Entrée en CEJ envisagée' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'requested',
      role: 'intervenant',
      professionalName: 'Sarah Cohen',
    });
    // Asking twice is refused.
    const again = await cohen.call(r.requestToJoin, { params: { id: personId }, body: { reason: 'Encore' } });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('team.already_pending');

    // Girard sees the request among his pending follow-ups, and was notified without the name.
    const pending = await girard.call<{ items: Pending[] }>(r.pendingFollowUps);
    expect(pending.body.items).toHaveLength(1);
    expect(pending.body.items[0]).toMatchObject({
      direction: 'request',
      personId,
      personName: 'Inès LEBRUN',
    });
    const mails = await notificationsTo('Girard');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain(`/personnes/${personId}`);
    expect(mails[0]?.body).not.toMatch(/Lebrun|Inès/i);

    // Cohen cannot accept her own request.
    expect(
      (await cohen.call(r.answerFollowUp, { params: { id: asked.body.followUpId }, body: { accept: true } }))
        .status,
    ).toBe(403);
    const accepted = await girard.call<TeamMember>(r.answerFollowUp, {
      params: { id: asked.body.followUpId },
      body: { accept: true },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');

    // Diallo (social worker) joins through an invitation, and writes a sensitive note.
    const invited = await girard.call<TeamMember>(r.inviteToTeam, {
      params: { id: personId },
      body: {
        accountId: await accountIdByLastName(ctx, 'Diallo'),
        organisationId: await orgOf('Diallo'),
        role: 'intervenant',
        reason: 'Accès aux droits',
      },
    });
    expect(invited.status).toBe(201);
    await diallo.call(r.answerFollowUp, { params: { id: invited.body.followUpId }, body: { accept: true } });
    const note = await diallo.call(r.addSensitiveNote, {
      params: { id: personId },
      body: { category: 'health', text: 'Suivi psychologique en cours.' },
    });
    expect(note.status).toBe(201);
    await ctx.runWorker();

    // Cohen now reads the team and the timeline…
    const members = await team(cohen, personId);
    expect(
      members
        .filter((m) => m.status === 'active')
        .map((m) => m.professionalName)
        .sort(),
    ).toEqual(['Aminata Diallo', 'Sarah Cohen', 'Thomas Girard']);
    const tl = await cohen.call<{ items: { type: string; section: string }[] }>(r.timeline, {
      params: { id: personId },
    });
    expect(tl.status).toBe(200);
    expect(tl.body.items.map((e) => e.type)).toEqual(
      expect.arrayContaining(['TeamJoinRequested', 'TeamMemberJoined', 'TeamInvitationSent']),
    );
    // …but not the sensitive notes, nor their trace in the timeline.
    expect(tl.body.items.some((e) => e.section === 'sensitive')).toBe(false);
    const refused = await cohen.call(r.sensitiveNotes, { params: { id: personId } });
    expect(refused.status).toBe(403);
    // Diallo does read them (social worker of the team).
    const notes = await diallo.call<{ items: { text: string }[] }>(r.sensitiveNotes, {
      params: { id: personId },
    });
    expect(notes.body.items.map((n) => n.text)).toEqual(['Suivi psychologique en cours.']);

    // The consultation log (Girard, référent) shows Cohen's and Girard's reads.
    await girard.call(r.timeline, { params: { id: personId } });
    const log = await girard.call<{
      items: { accountName: string; kind: string; action: string; sections: string[] }[];
    }>(r.consultations, { params: { id: personId } });
    expect(log.status).toBe(200);
    const reads = log.body.items.filter((e) => e.kind === 'read');
    expect(reads.some((e) => e.accountName === 'Sarah Cohen' && e.action === 'people.timeline')).toBe(true);
    expect(reads.some((e) => e.accountName === 'Sarah Cohen' && e.action === 'people.team')).toBe(true);
    expect(reads.some((e) => e.accountName === 'Thomas Girard' && e.action === 'people.timeline')).toBe(true);
    expect(
      log.body.items.some((e) => e.accountName === 'Aminata Diallo' && e.action === 'people.readSensitive'),
    ).toBe(true);
    // Cohen's refused attempt is not a consultation.
    expect(
      log.body.items.filter((e) => e.accountName === 'Sarah Cohen' && e.sections.includes('sensitive')),
    ).toEqual([]);
  });
});

describe('invitations', () => {
  it('invites a professional of another organisation, who accepts or declines; the email names no one', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthName: 'Secret',
    });
    const girard = await loginAs(ctx, 'Girard');
    const cohenId = await accountIdByLastName(ctx, 'Cohen');
    const ml = await orgOf('Cohen');
    const res = await girard.call<TeamMember>(r.inviteToTeam, {
      params: { id: personId },
      body: { accountId: cohenId, organisationId: ml, role: 'co_referent', reason: 'Suivi CEJ' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'invited',
      role: 'co_referent',
      organisationName: 'Mission locale de Montreuil',
    });
    const mails = await notificationsTo('Cohen');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Invitation à rejoindre l'équipe d'accompagnement");
    expect(mails[0]?.body).toContain('une personne accompagnée');
    expect(mails[0]?.body).toContain(`/personnes/${personId}`);
    expect(mails[0]?.body).not.toMatch(/Secret|Alice/);

    // Already pending; an account without membership there; a steering viewer: refused.
    const twice = await girard.call(r.inviteToTeam, {
      params: { id: personId },
      body: { accountId: cohenId, organisationId: ml, role: 'intervenant', reason: 'x' },
    });
    expect(errorOf(twice.body).code).toBe('team.already_pending');
    const wrongOrg = await girard.call(r.inviteToTeam, {
      params: { id: personId },
      body: { accountId: cohenId, organisationId: await orgOf('Petit'), role: 'intervenant', reason: 'x' },
    });
    expect(wrongOrg.status).toBe(400);
    expect(errorOf(wrongOrg.body).code).toBe('team.invitee_not_member');
    const viewer = await girard.call(r.inviteToTeam, {
      params: { id: personId },
      body: {
        accountId: await accountIdByLastName(ctx, 'Lambert'),
        organisationId: await orgOf('Lambert'),
        role: 'intervenant',
        reason: 'x',
      },
    });
    expect(errorOf(viewer.body).code).toBe('team.invitee_not_member');

    // Only the invitee answers; she sees the invitation with the directory name only.
    const cohen = await loginAs(ctx, 'Cohen');
    const pending = await cohen.call<{ items: Pending[] }>(r.pendingFollowUps);
    expect(pending.body.items).toMatchObject([{ direction: 'invitation', personId, personName: 'Alice S.' }]);
    const moreau = await loginAs(ctx, 'Moreau');
    expect(
      (await moreau.call(r.answerFollowUp, { params: { id: res.body.followUpId }, body: { accept: true } }))
        .status,
    ).toBe(403);
    const declined = await cohen.call<TeamMember>(r.answerFollowUp, {
      params: { id: res.body.followUpId },
      body: { accept: false, reason: 'Pas de place en ce moment' },
    });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'Pas de place en ce moment' });
    const late = await cohen.call(r.answerFollowUp, {
      params: { id: res.body.followUpId },
      body: { accept: true },
    });
    expect(errorOf(late.body).code).toBe('follow_up.not_pending');
    expect(await notificationsTo('Girard')).toHaveLength(1);
    // A new invitation can follow a declined one, and be accepted.
    const second = await girard.call<TeamMember>(r.inviteToTeam, {
      params: { id: personId },
      body: { accountId: cohenId, organisationId: ml, role: 'co_referent', reason: 'Nouvelle demande' },
    });
    await cohen.call(r.answerFollowUp, { params: { id: second.body.followUpId }, body: { accept: true } });
    const members = await team(girard, personId);
    expect(members.map((m) => [m.professionalName, m.role, m.status])).toEqual([
      ['Thomas Girard', 'referent', 'active'],
      ['Sarah Cohen', 'co_referent', 'active'],
      ['Sarah Cohen', 'co_referent', 'declined'],
    ]);
    await ctx.runWorker();
    const events = await db()
      .selectFrom('timeline_events')
      .select(['type', 'summary', 'section'])
      .where('person_id', '=', personId)
      .orderBy('occurred_at')
      .execute();
    // Same clock instant in tests: compare as sets.
    expect(events.map((e) => e.type).sort()).toEqual([
      'TeamInvitationDeclined',
      'TeamInvitationSent',
      'TeamInvitationSent',
      'TeamMemberJoined',
    ]);
    expect(events.every((e) => e.section === 'journey')).toBe(true);
    expect(events.find((e) => e.type === 'TeamInvitationDeclined')?.summary).toBe(
      'Sarah Cohen (Mission locale de Montreuil) décline l’invitation à rejoindre l’équipe',
    );
  });

  it('an intervenant may not invite; a non-member may not see the team', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
    ]);
    const cohen = await loginAs(ctx, 'Cohen');
    const res = await cohen.call(r.inviteToTeam, {
      params: { id: personId },
      body: {
        accountId: await accountIdByLastName(ctx, 'Petit'),
        organisationId: await orgOf('Petit'),
        role: 'intervenant',
        reason: 'x',
      },
    });
    expect(res.status).toBe(403);
    expect((await (await loginAs(ctx, 'Petit')).call(r.team, { params: { id: personId } })).status).toBe(403);
  });
});

describe('leaving and référent designation', () => {
  it('a member leaves with a reason; a structure manager ends a follow-up of her organisation only', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
      { lastName: 'Petit', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const byName = async (name: string) =>
      (await team(girard, personId)).find((m) => m.professionalName === name) as TeamMember;
    const cohenFollowUp = (await byName('Sarah Cohen')).followUpId;
    const petitFollowUp = (await byName('Léa Petit')).followUpId;
    // Girard may not end Cohen's follow-up (another organisation), nor may Haddad.
    expect(
      (await girard.call(r.leaveTeam, { params: { id: cohenFollowUp }, body: { reason: 'x' } })).status,
    ).toBe(403);
    const haddad = await loginAs(ctx, 'Haddad');
    expect(
      (await haddad.call(r.leaveTeam, { params: { id: cohenFollowUp }, body: { reason: 'x' } })).status,
    ).toBe(403);
    const cohen = await loginAs(ctx, 'Cohen');
    const left = await cohen.call<TeamMember>(r.leaveTeam, {
      params: { id: cohenFollowUp },
      body: { reason: 'Fin du CEJ' },
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'ended', reason: 'Fin du CEJ' });
    expect(left.body.endedAt).not.toBeNull();
    expect(await notificationsTo('Girard')).toHaveLength(1);
    // Mansouri (structure manager, ALI Saint-Denis) ends Petit's follow-up.
    const mansouri = await loginAs(ctx, 'Mansouri', 'structure_manager');
    const ended = await mansouri.call<TeamMember>(r.leaveTeam, {
      params: { id: petitFollowUp },
      body: { reason: 'Départ de la professionnelle' },
    });
    expect(ended.status).toBe(200);
    const again = await cohen.call(r.leaveTeam, { params: { id: cohenFollowUp }, body: { reason: 'x' } });
    expect(errorOf(again.body).code).toBe('follow_up.not_active');
  });

  it('the structure manager designates a new référent: the old row ends, a new one starts, history kept', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const haddad = await loginAs(ctx, 'Haddad');
    const ali = await orgOf('Girard');
    const moreauId = await accountIdByLastName(ctx, 'Moreau');
    // Moreau works at the ALI and at the PLIE: her ALI follow-up as co-référent.
    const { territory_id } = await db()
      .selectFrom('persons')
      .select('territory_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('follow_ups')
      .values({
        territory_id,
        person_id: personId,
        organisation_id: ali,
        account_id: moreauId,
        role: 'co_referent',
        status: 'active',
        started_at: ctx.clock.now(),
      })
      .execute();
    const res = await haddad.call<TeamMember>(r.designateReferent, {
      params: { id: personId },
      body: { accountId: moreauId, organisationId: ali, reason: 'Changement de portefeuille' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'referent', status: 'active', professionalName: 'Inès Moreau' });
    const rows = await db()
      .selectFrom('follow_ups as f')
      .innerJoin('accounts as a', 'a.id', 'f.account_id')
      .select(['a.last_name', 'f.role', 'f.status', 'f.end_reason'])
      .where('f.person_id', '=', personId)
      .orderBy('a.last_name')
      .orderBy('f.status')
      .execute();
    expect(rows).toEqual([
      { last_name: 'Girard', role: 'referent', status: 'ended', end_reason: 'Changement de portefeuille' },
      { last_name: 'Moreau', role: 'referent', status: 'active', end_reason: null },
      {
        last_name: 'Moreau',
        role: 'co_referent',
        status: 'ended',
        end_reason: 'Désigné·e référent·e unique',
      },
    ]);
    // Same designation again: conflict. Girard, no longer référent, may not designate.
    const again = await haddad.call(r.designateReferent, {
      params: { id: personId },
      body: { accountId: moreauId, organisationId: ali, reason: 'x' },
    });
    expect(errorOf(again.body).code).toBe('team.already_referent');
    const girard = await loginAs(ctx, 'Girard');
    const refused = await girard.call(r.designateReferent, {
      params: { id: personId },
      body: { accountId: await accountIdByLastName(ctx, 'Girard'), organisationId: ali, reason: 'x' },
    });
    expect(refused.status).toBe(403);
    // The current référent (Moreau) hands over to the mission locale.
    const moreau = await loginAs(ctx, 'Moreau');
    const handover = await moreau.call<TeamMember>(r.designateReferent, {
      params: { id: personId },
      body: {
        accountId: await accountIdByLastName(ctx, 'Cohen'),
        organisationId: await orgOf('Cohen'),
        reason: 'Entrée en CEJ',
      },
    });
    expect(handover.status).toBe(200);
    const active = await db()
      .selectFrom('follow_ups')
      .select('account_id')
      .where('person_id', '=', personId)
      .where('role', '=', 'referent')
      .where('status', '=', 'active')
      .execute();
    expect(active).toEqual([{ account_id: await accountIdByLastName(ctx, 'Cohen') }]);
    expect((await notificationsTo('Cohen')).map((n) => n.subject)).toEqual([
      'Désignation comme référent·e unique',
    ]);
    await ctx.runWorker();
    const types = await db()
      .selectFrom('timeline_events')
      .select('type')
      .where('person_id', '=', personId)
      .execute();
    expect(types.filter((t) => t.type === 'ReferentDesignated')).toHaveLength(2);
  });
});
