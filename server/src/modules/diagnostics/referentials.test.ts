import type { ErrorBody } from '@spie/contract';
import {
  cafMappingContent,
  constraintFamilies,
  constraintSituationsContent,
  professionalAxes,
  type Referential,
  diagnosticsRoutes as r,
  thematiqueMappingContent,
} from '@spie/contract/diagnostics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { currentReferential } from './index';
import { defaultReferential, situationIndex, thematiqueValues } from './referentials';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const errorOf = (body: unknown) => (body as ErrorBody).error;
const territory93 = async () =>
  (
    await ctx.deps.database.db
      .selectFrom('territories')
      .select('id')
      .where('code', '=', '93')
      .executeTakeFirstOrThrow()
  ).id;

describe('national defaults (server/data/referentials)', () => {
  it('constraint situations: at least 6 per family, snake_case codes, unique, nothing about a diagnosis', () => {
    const list = constraintSituationsContent.parse(defaultReferential('constraint_situations'));
    const codes = new Set<string>();
    for (const family of constraintFamilies) {
      expect(list.families[family].length, family).toBeGreaterThanOrEqual(6);
      for (const item of list.families[family]) {
        expect(item.code).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
        expect(codes.has(item.code), item.code).toBe(false);
        codes.add(item.code);
      }
    }
    const logement = list.families.logement.map((i) => i.label);
    expect(logement).toEqual(
      expect.arrayContaining(['Hébergé·e chez un tiers', 'Sans domicile stable', 'Menace d’expulsion']),
    );
    expect(list.families.numerique.map((i) => i.label)).toContain('Résultat Pix inférieur à 50 %');
    expect(list.families.mobilite.map((i) => i.label)).toContain('Pas de permis B');
    // Santé stays generic: no illness, treatment or addiction named in a shared list.
    const sante = list.families.sante.map((i) => i.label.toLowerCase()).join(' ');
    for (const word of [
      'cancer',
      'diabète',
      'dépression',
      'alcool',
      'drogue',
      'vih',
      'psychiatr',
      'addiction',
    ])
      expect(sante).not.toContain(word);
  });

  it('thematique mapping: every family and axis maps to thematiques that exist in data·inclusion', () => {
    const mapping = thematiqueMappingContent.parse(defaultReferential('thematique_mapping'));
    const known = thematiqueValues();
    expect(known.size).toBeGreaterThan(60);
    for (const family of constraintFamilies) {
      expect(mapping.constraints[family]?.length, family).toBeGreaterThan(0);
      for (const value of mapping.constraints[family] ?? []) expect(known.has(value), value).toBe(true);
    }
    for (const axis of professionalAxes) {
      expect(mapping.axes[axis]?.length, axis).toBeGreaterThan(0);
      for (const value of mapping.axes[axis] ?? []) expect(known.has(value), value).toBe(true);
    }
  });

  it('CAF mapping: codes of the four CAF variables, each situation in its family of the default list', () => {
    const mapping = cafMappingContent.parse(defaultReferential('caf_mapping'));
    const situations = situationIndex(defaultReferential('constraint_situations'));
    const byKey = new Map(mapping.codes.map((c) => [`${c.code}:${c.value}`, c]));
    expect(byKey.size).toBe(mapping.codes.length);
    expect(byKey.get('DIFSOC:0401')).toMatchObject({ family: null, situation: null });
    expect(byKey.get('DIFSOC:0402')).toMatchObject({ family: 'sante' });
    expect(byKey.get('DIFSOC:0404')).toMatchObject({ family: 'francais' });
    expect(byKey.get('DIFSOC:0405')).toMatchObject({ family: 'administratif' });
    expect(byKey.get('DIFSOC:0406')).toMatchObject({ family: 'finances' });
    expect(byKey.get('DIFLOG:1002')).toMatchObject({ family: 'logement', situation: 'loyers_impayes' });
    expect(byKey.get('DIFLOG:1006')).toMatchObject({ family: 'logement', impact: 'fort' });
    expect(byKey.get('DIFDISP:0502')).toMatchObject({ family: 'famille' });
    expect(byKey.get('NATMOB:2501')).toMatchObject({ family: 'mobilite' });
    for (const code of ['DIFSOC', 'DIFLOG', 'DIFDISP', 'NATMOB'])
      expect(
        mapping.codes.some((c) => c.code === code),
        code,
      ).toBe(true);
    for (const entry of mapping.codes) {
      if (entry.situation === null) continue;
      expect(entry.family, `${entry.code} ${entry.value}`).not.toBeNull();
      expect(situations.get(entry.situation)?.family, `${entry.code} ${entry.value}`).toBe(entry.family);
    }
  });
});

describe('GET/PUT /api/referentials/:kind', () => {
  it('any member reads the national default (version 0) until the territory edits it', async () => {
    const cohen = await loginAs(ctx, 'Cohen');
    const res = await cohen.call<Referential>(r.referential, { params: { kind: 'constraint_situations' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'constraint_situations',
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    expect(res.body.content).toEqual(defaultReferential('constraint_situations'));
  });

  it('the territory admin publishes version 1; a stale expectedVersion is a conflict; others read it', async () => {
    const fontaine = await loginAs(ctx, 'Fontaine');
    const list = structuredClone(defaultReferential('constraint_situations'));
    list.families.logement.push({ code: 'colocation_subie', label: 'Colocation subie', retired: false });
    const first = await fontaine.call<Referential>(r.updateReferential, {
      params: { kind: 'constraint_situations' },
      body: { content: list, expectedVersion: 0 },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, updatedBy: 'Claire Fontaine' });

    const stale = await fontaine.call(r.updateReferential, {
      params: { kind: 'constraint_situations' },
      body: { content: list, expectedVersion: 0 },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).code).toBe('referential.version_conflict');

    const girard = await loginAs(ctx, 'Girard');
    const read = await girard.call<Referential>(r.referential, { params: { kind: 'constraint_situations' } });
    expect(read.body.version).toBe(1);
    const current = await currentReferential(
      ctx.deps.database.db,
      await territory93(),
      'constraint_situations',
    );
    expect(current.content.families.logement.map((i) => i.code)).toContain('colocation_subie');
    // Versions are kept: the default is still what another territory reads.
    expect(await ctx.deps.database.db.selectFrom('reference_lists').select('version').execute()).toEqual([
      { version: 1 },
    ]);
  });

  it('refuses anyone but the territory admin (403)', async () => {
    for (const name of ['Girard', 'Benali', 'Haddad']) {
      const client = await loginAs(ctx, name);
      const res = await client.call(r.updateReferential, {
        params: { kind: 'caf_mapping' },
        body: { content: defaultReferential('caf_mapping'), expectedVersion: 0 },
      });
      expect(res.status, name).toBe(403);
    }
  });

  it('checks the content against its schema and the other lists, in French', async () => {
    const fontaine = await loginAs(ctx, 'Fontaine');
    const put = (kind: string, content: unknown) =>
      fontaine.call(r.updateReferential, { params: { kind }, body: { content, expectedVersion: 0 } });

    const badCode = structuredClone(defaultReferential('constraint_situations')) as {
      families: Record<string, { code: string; label: string }[]>;
    };
    badCode.families.mobilite?.push({ code: 'Pas-De-Code', label: 'Code mal formé' });
    const shape = await put('constraint_situations', badCode);
    expect(shape.status).toBe(400);
    expect(errorOf(shape.body).fields).toContainEqual({
      path: expect.stringMatching(/^content\.families\.mobilite\.\d+\.code$/),
      message: 'Code : lettres minuscules, chiffres et _ seulement.',
    });

    const dropped = structuredClone(defaultReferential('constraint_situations'));
    dropped.families.logement = dropped.families.logement.filter((i) => i.code !== 'menace_expulsion');
    const drop = await put('constraint_situations', dropped);
    expect(drop.status).toBe(400);
    expect(errorOf(drop.body).message).toMatch(/ne peut pas être supprimée.*retirée/);

    const retired = structuredClone(defaultReferential('constraint_situations'));
    for (const item of retired.families.logement) if (item.code === 'menace_expulsion') item.retired = true;
    expect((await put('constraint_situations', retired)).status).toBe(200);

    const mapping = structuredClone(defaultReferential('thematique_mapping'));
    mapping.axes.se_former = ['se-former--inventee'];
    const unknown = await put('thematique_mapping', mapping);
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).fields).toContainEqual({
      path: 'content.axes.se_former.0',
      message: 'Thématique inconnue de data·inclusion : « se-former--inventee ».',
    });

    const caf = structuredClone(defaultReferential('caf_mapping'));
    const first = caf.codes.find((c) => c.value === '1002');
    if (first) first.situation = 'pas_permis_b';
    const wrongFamily = await put('caf_mapping', caf);
    expect(wrongFamily.status).toBe(400);
    expect(errorOf(wrongFamily.body).message).toBe(
      'Situation inconnue dans la famille « logement » : « pas_permis_b ».',
    );
  });
});
