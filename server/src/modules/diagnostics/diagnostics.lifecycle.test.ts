import type { ErrorBody } from '@spie/contract';
import {
  type Diagnostic,
  type DiagnosticContentInput,
  diagnostic as diagnosticSchema,
  diagnosticsOverview,
  diagnosticsRoutes as r,
} from '@spie/contract/diagnostics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { latestRecommendedPath } from './index';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const db = () => ctx.deps.database.db;
const errorOf = (body: unknown) => (body as ErrorBody).error;
type Overview = z.infer<typeof diagnosticsOverview>;

async function territoryId() {
  return (
    await db().selectFrom('territories').select('id').where('code', '=', '93').executeTakeFirstOrThrow()
  ).id;
}

async function start(client: TestClient, personId: string, from: 'latest' | 'caf' | 'empty' = 'empty') {
  const res = await client.call<Diagnostic>(r.startDraft, { params: { id: personId }, body: { from } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return diagnosticSchema.parse(res.body);
}
async function save(client: TestClient, personId: string, content: DiagnosticContentInput, revision: number) {
  return client.call<Diagnostic>(r.saveDraft, { params: { id: personId }, body: { content, revision } });
}
async function overview(client: TestClient, personId: string) {
  const res = await client.call<Overview>(r.overview, { params: { id: personId } });
  expect(res.status).toBe(200);
  return diagnosticsOverview.parse(res.body);
}

/** A joint team: Girard (ALI Bobigny) référent, Cohen (Mission locale) and Diallo (SSD) co-référentes. */
const jointTeam = () =>
  createPersonFixture(ctx, [
    { lastName: 'Girard', role: 'referent' },
    { lastName: 'Cohen', role: 'co_referent' },
    { lastName: 'Diallo', role: 'co_referent' },
  ]);

describe('draft lifecycle', () => {
  it('start, save, complete: version 1 with its recommendation, the draft gone; one draft at a time', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    const draft = await start(girard, personId);
    expect(draft).toMatchObject({
      version: null,
      status: 'draft',
      revision: 1,
      authors: [],
      contributions: {},
    });
    expect(draft.content.constraints.logement).toEqual({ impact: 'non_explore', situations: [], note: null });

    const again = await girard.call(r.startDraft, { params: { id: personId }, body: { from: 'empty' } });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('diagnostic.draft_exists');

    const saved = await save(
      girard,
      personId,
      {
        situation: { workSituation: 'sans_emploi', canProjectIntoWork: 'yes', educationLevel: '4' },
        constraints: {
          logement: { impact: 'fort', situations: ['heberge_chez_un_tiers'] },
          finances: { impact: 'fort', situations: ['dettes_en_cours'], note: 'Plan de la Banque de France' },
        },
        projects: [
          {
            appellationCode: '11573',
            romeCode: 'D1102',
            label: 'Boulanger / Boulangère',
            contractTypes: ['cdi'],
          },
        ],
      },
      1,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      revision: 2,
      recommendation: { path: 'social', criterion: 'constraints' },
    });

    const done = await girard.call<Diagnostic>(r.completeDraft, {
      params: { id: personId },
      body: { revision: 2, field: 'employment' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const v1 = diagnosticSchema.parse(done.body);
    expect(v1).toMatchObject({
      version: 1,
      status: 'completed',
      chosenPath: null,
      chosenPathReason: null,
      jointlyValidated: false,
      recommendation: { path: 'social' },
    });
    expect(v1.authors).toEqual([
      expect.objectContaining({
        name: 'Thomas Girard',
        field: 'employment',
        organisationName: expect.stringMatching(/Bobigny/),
      }),
    ]);
    const view = await overview(girard, personId);
    expect(view.draft).toBeNull();
    expect(view.versions.map((v) => [v.version, v.recommendedPath])).toEqual([[1, 'social']]);
    expect(await latestRecommendedPath(db(), await territoryId(), personId)).toBe('social');
  });

  it('a new draft starts from the latest version; completing it makes version 2 and leaves version 1 untouched', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    await start(girard, personId);
    await save(
      girard,
      personId,
      { constraints: { mobilite: { impact: 'fort', situations: ['pas_permis_b'] } } },
      1,
    );
    await girard.call(r.completeDraft, {
      params: { id: personId },
      body: { revision: 2, field: 'employment' },
    });
    const v1Before = (await girard.call<Diagnostic>(r.version, { params: { id: personId, version: '1' } }))
      .body;

    const next = await start(girard, personId, 'latest');
    expect(next.content.constraints.mobilite).toEqual({
      impact: 'fort',
      situations: ['pas_permis_b'],
      note: null,
    });
    const changed = structuredClone(next.content);
    changed.constraints.mobilite = { impact: 'sans_impact', situations: [], note: null };
    changed.situation.canProjectIntoWork = 'no';
    expect((await save(girard, personId, changed, 1)).status).toBe(200);
    const v2 = await girard.call<Diagnostic>(r.completeDraft, {
      params: { id: personId },
      body: {
        revision: 2,
        field: 'employment',
        chosenPath: 'social',
        chosenPathReason: 'Hospitalisation prévue.',
      },
    });
    expect(v2.body).toMatchObject({
      version: 2,
      recommendation: { path: 'socio_professionnel', criterion: 'projection' },
      chosenPath: 'social',
      chosenPathReason: 'Hospitalisation prévue.',
    });
    const v1After = (await girard.call<Diagnostic>(r.version, { params: { id: personId, version: '1' } }))
      .body;
    expect(v1After).toEqual(v1Before);
    expect(await latestRecommendedPath(db(), await territoryId(), personId)).toBe('social');
    const versions = (await overview(girard, personId)).versions;
    expect(versions.map((v) => [v.version, v.recommendedPath, v.chosenPath])).toEqual([
      [2, 'socio_professionnel', 'social'],
      [1, 'socio_professionnel', null],
    ]);
    expect((await girard.call(r.version, { params: { id: personId, version: '3' } })).status).toBe(404);
  });

  it('choosing the recommended path stores no choice; another path needs a reason', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    await start(girard, personId);
    const noReason = await girard.call(r.completeDraft, {
      params: { id: personId },
      body: { revision: 1, field: 'social', chosenPath: 'social' },
    });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason.body).fields).toContainEqual({
      path: 'chosenPathReason',
      message: 'Expliquez pourquoi vous choisissez un autre parcours que celui recommandé.',
    });
    const same = await girard.call<Diagnostic>(r.completeDraft, {
      params: { id: personId },
      body: { revision: 1, field: 'social', chosenPath: 'emploi', chosenPathReason: 'Même parcours.' },
    });
    expect(same.body).toMatchObject({
      recommendation: { path: 'emploi' },
      chosenPath: null,
      chosenPathReason: null,
    });
  });

  it('discarding the draft keeps the versions', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    await start(girard, personId);
    await girard.call(r.completeDraft, { params: { id: personId }, body: { revision: 1, field: 'social' } });
    await start(girard, personId, 'latest');
    const discarded = await girard.call(r.discardDraft, { params: { id: personId } });
    expect(discarded).toMatchObject({ status: 200, body: { ok: true } });
    const view = await overview(girard, personId);
    expect(view.draft).toBeNull();
    expect(view.versions).toHaveLength(1);
    expect((await girard.call(r.discardDraft, { params: { id: personId } })).status).toBe(404);
  });
});

describe('validation of the content', () => {
  it('refuses a health note with the French message, an unknown situation code, an unknown job', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    await start(girard, personId);
    const health = await save(
      girard,
      personId,
      { constraints: { sante: { impact: 'fort', note: 'Diabète' } } },
      1,
    );
    expect(health.status).toBe(400);
    expect(errorOf(health.body).fields).toContainEqual({
      path: 'content.constraints.sante.note',
      message:
        'Pas de précision de santé dans le diagnostic : notez-la dans « Informations sensibles », réservées aux professionnels habilités.',
    });

    const unknown = await save(
      girard,
      personId,
      { constraints: { logement: { situations: ['pas_permis_b'] } } },
      1,
    );
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body)).toMatchObject({
      code: 'diagnostic.invalid_content',
      fields: [
        {
          path: 'content.constraints.logement.situations.0',
          message: 'Situation inconnue pour la famille « Logement » : « pas_permis_b ».',
        },
      ],
    });

    const job = await save(
      girard,
      personId,
      { projects: [{ appellationCode: '999999', romeCode: 'D1102', label: 'Inventé' }] },
      1,
    );
    expect(job.status).toBe(400);
    expect(errorOf(job.body).fields?.[0]?.path).toBe('content.projects.0.appellationCode');
    // Nothing was saved.
    expect((await overview(girard, personId)).draft?.revision).toBe(1);
  });

  it('a save from an outdated revision is a conflict that returns the current draft', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    await start(girard, personId);
    expect((await save(cohen, personId, { notes: 'Rencontre à la mission locale.' }, 1)).status).toBe(200);
    const stale = await save(girard, personId, { notes: 'Autre chose.' }, 1);
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body)).toMatchObject({
      code: 'diagnostic.version_conflict',
      details: { current: { revision: 2, content: { notes: 'Rencontre à la mission locale.' } } },
    });
  });
});

describe('joint diagnostic by two organisations', () => {
  it('records who contributed each part, and needs a social and an employment signature to be joint', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    const cohen = await loginAs(ctx, 'Cohen');
    const diallo = await loginAs(ctx, 'Diallo');
    const draft = await start(girard, personId);

    const byGirard = structuredClone(draft.content);
    byGirard.situation.workSituation = 'sans_emploi';
    byGirard.axes.trouver_un_emploi = { level: 'besoin', note: null };
    expect((await save(girard, personId, byGirard, 1)).status).toBe(200);
    ctx.clock.advance(60_000);
    const byDiallo = structuredClone(byGirard);
    byDiallo.constraints.logement = { impact: 'fort', situations: ['hebergement_urgence'], note: null };
    byDiallo.constraints.famille = { impact: 'moyen', situations: ['parent_isole'], note: null };
    const saved = await save(diallo, personId, byDiallo, 2);
    expect(saved.status).toBe(200);
    const contributions = saved.body.contributions;
    expect(Object.keys(contributions).sort()).toEqual([
      'axes',
      'constraints.famille',
      'constraints.logement',
      'situation',
    ]);
    expect(contributions.situation).toMatchObject({
      name: 'Thomas Girard',
      organisationName: expect.stringMatching(/insertion/i),
    });
    expect(contributions.axes?.name).toBe('Thomas Girard');
    expect(contributions['constraints.logement']).toMatchObject({
      name: 'Aminata Diallo',
      organisationName: expect.stringMatching(/Bobigny/),
    });

    const completed = await girard.call<Diagnostic>(r.completeDraft, {
      params: { id: personId },
      body: { revision: 3, field: 'employment' },
    });
    expect(completed.body.jointlyValidated).toBe(false);

    // Cohen (employment too) co-signs: still not joint; signing twice is refused.
    ctx.clock.advance(600_000);
    const cohenSigns = await cohen.call<Diagnostic>(r.confirmVersion, {
      params: { id: personId, version: '1' },
      body: { field: 'employment' },
    });
    expect(cohenSigns.status).toBe(200);
    expect(cohenSigns.body.jointlyValidated).toBe(false);
    const twice = await cohen.call(r.confirmVersion, {
      params: { id: personId, version: '1' },
      body: { field: 'social' },
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice.body).code).toBe('diagnostic.already_signed');

    // Diallo (social) co-signs: joint.
    ctx.clock.advance(600_000);
    const dialloSigns = await diallo.call<Diagnostic>(r.confirmVersion, {
      params: { id: personId, version: '1' },
      body: { field: 'social' },
    });
    expect(dialloSigns.body.jointlyValidated).toBe(true);
    expect(dialloSigns.body.authors.map((a) => [a.name, a.field])).toEqual([
      ['Thomas Girard', 'employment'],
      ['Sarah Cohen', 'employment'],
      ['Aminata Diallo', 'social'],
    ]);
    expect(dialloSigns.body.content).toEqual(completed.body.content);

    await ctx.runWorker();
    const timeline = await db()
      .selectFrom('timeline_events')
      .select(['type', 'section', 'summary'])
      .where('person_id', '=', personId)
      .orderBy('occurred_at')
      .orderBy('type')
      .execute();
    expect(timeline.every((t) => t.section === 'diagnostic')).toBe(true);
    expect(timeline.map((t) => t.summary)).toEqual(
      expect.arrayContaining([
        'Diagnostic commencé',
        'Diagnostic validé (version 1) — parcours recommandé : socio-professionnel',
        'Diagnostic co-signé par un·e professionnel·le du champ de l’emploi (version 1)',
        'Diagnostic co-signé par un·e professionnel·le du champ social (version 1) — validé conjointement',
      ]),
    );
    const event = await db()
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'DiagnosticCompleted')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({
      personId,
      diagnosticId: completed.body.id,
      version: 1,
      recommendedPath: 'socio_professionnel',
      chosenPath: null,
    });
  });

  it('only the latest version can be co-signed', async () => {
    const personId = await jointTeam();
    const girard = await loginAs(ctx, 'Girard');
    const diallo = await loginAs(ctx, 'Diallo');
    await start(girard, personId);
    await girard.call(r.completeDraft, {
      params: { id: personId },
      body: { revision: 1, field: 'employment' },
    });
    await start(girard, personId, 'latest');
    await girard.call(r.completeDraft, {
      params: { id: personId },
      body: { revision: 1, field: 'employment' },
    });
    const old = await diallo.call(r.confirmVersion, {
      params: { id: personId, version: '1' },
      body: { field: 'social' },
    });
    expect(old.status).toBe(409);
    expect(errorOf(old.body).code).toBe('diagnostic.superseded');
  });
});

describe('starting points', () => {
  it('from the CAF codes: families, impacts and situations through the CAF mapping, labelled in the overview', async () => {
    const personId = await jointTeam();
    const tid = await territoryId();
    await db()
      .insertInto('person_caf_socio_pro')
      .values([
        { territory_id: tid, person_id: personId, code: 'DIFLOG', value: '1002', received_on: '2026-10-01' },
        { territory_id: tid, person_id: personId, code: 'DIFLOG', value: '1006', received_on: '2026-10-01' },
        { territory_id: tid, person_id: personId, code: 'DIFSOC', value: '0401', received_on: '2026-10-01' },
        { territory_id: tid, person_id: personId, code: 'DIFDISP', value: '0502', received_on: '2026-10-01' },
        // An older reception of the same variable is superseded by the latest one.
        { territory_id: tid, person_id: personId, code: 'DIFDISP', value: '0505', received_on: '2025-01-01' },
      ])
      .execute();
    const girard = await loginAs(ctx, 'Girard');
    const view = await overview(girard, personId);
    expect(view.cafCodes.map((c) => [c.code, c.value, c.label])).toEqual([
      ['DIFDISP', '0502', 'Garde d’enfant de moins de 6 ans'],
      ['DIFLOG', '1002', 'Impayés de loyer ou de remboursement'],
      ['DIFLOG', '1006', 'Fin de bail ou expulsion'],
      ['DIFSOC', '0401', 'Aucune difficulté'],
    ]);
    const draft = await start(girard, personId, 'caf');
    expect(draft.content.constraints.logement).toEqual({
      impact: 'fort',
      situations: ['loyers_impayes', 'menace_expulsion'],
      note: null,
    });
    expect(draft.content.constraints.famille).toMatchObject({
      impact: 'moyen',
      situations: ['garde_enfant_moins_3_ans'],
    });
    expect(draft.content.constraints.sante.impact).toBe('non_explore');
    expect(draft.content.constraints.famille.situations).not.toContain('aidant_proche');
  });

  it('prefills the work situation, the end of the last job and the RQTH from the record', async () => {
    const personId = await jointTeam();
    const tid = await territoryId();
    await db()
      .insertInto('person_statuses')
      .values([
        {
          territory_id: tid,
          person_id: personId,
          kind: 'work_situation',
          value: 'cdd',
          start_date: '2025-01-01',
          end_date: '2025-12-31',
        },
        {
          territory_id: tid,
          person_id: personId,
          kind: 'work_situation',
          value: 'sans_emploi',
          start_date: '2026-01-01',
        },
        {
          territory_id: tid,
          person_id: personId,
          kind: 'rqth',
          value: null,
          start_date: '2024-05-01',
          end_date: '2029-04-30',
        },
      ])
      .execute();
    const girard = await loginAs(ctx, 'Girard');
    const draft = await start(girard, personId);
    expect(draft.content.situation).toMatchObject({
      workSituation: 'sans_emploi',
      lastJobEndedOn: '2025-12-31',
      rqth: 'yes',
    });
    // The recent job makes it an employment path, by the first criterion.
    expect(draft.recommendation).toMatchObject({ path: 'emploi', criterion: 'activity' });
  });
});
