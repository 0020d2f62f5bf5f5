import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportFormat, ImportKind, ImportReport } from '@spie/contract/catalogue';
import { catalogueRoutes as r } from '@spie/contract/catalogue';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir } from '../../../db/referenceData';
import { systemActor } from '../../../kernel/actor';
import { loginAs } from '../../../testing/fixtures';
import type { TestClient } from '../../../testing/httpClient';
import { createTestContext, type TestContext } from '../../../testing/testContext';
import { arrayFields, schemaFields } from './diSchema';
import { importCatalogueFile } from './importCatalogueFile';

let ctx: TestContext;
let territoryId: string;

const DESCRIPTION =
  'Accompagnement individuel vers le permis de conduire : évaluation de départ, cours de code en petit groupe, leçons de conduite avec un moniteur, aide au financement et suivi jusqu’à l’examen. Ouvert aux personnes en insertion du territoire.';

const structure = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `testimp--s${n}`,
  source: 'testimp',
  nom: `Association test ${n}`,
  date_maj: '2026-10-01',
  code_insee: '93008',
  latitude: 48.9,
  longitude: 2.43,
  ...extra,
});
const service = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `testimp--v${n}`,
  source: 'testimp',
  structure_id: 'testimp--s1',
  nom: `Permis de conduire ${n}`,
  description: DESCRIPTION,
  date_maj: '2026-10-01',
  type: 'accompagnement',
  thematiques: ['mobilite--preparer-un-permis'],
  publics: ['demandeurs-emploi', 'jeunes'],
  frais: 'gratuit',
  modes_accueil: ['en-presentiel'],
  modes_mobilisation: ['telephoner'],
  mobilisable_par: ['professionnels'],
  telephone: '01 02 03 04 05',
  adresse: '1 rue de la Gare',
  commune: 'Bobigny',
  code_postal: '93000',
  code_insee: '93008',
  latitude: 48.9,
  longitude: 2.43,
  ...extra,
});

const run = (kind: ImportKind, format: ImportFormat, body: Buffer | string, dryRun = false) =>
  importCatalogueFile(ctx.deps, systemActor('test', territoryId), { kind, format, dryRun }, [
    typeof body === 'string' ? Buffer.from(body) : body,
  ]);

const issueCodes = (report: ImportReport, id: string) =>
  report.rows.find((row) => row.id === id)?.issues.map((i) => i.code) ?? [];

async function rawImport(who: string, query: string, payload: Buffer) {
  const client: TestClient = await loginAs(ctx, who);
  await client.request('GET', '/api/auth/session');
  const cookie = [...client.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/catalogue/imports?${query}`,
    headers: {
      cookie,
      'x-csrf-token': client.cookies.get('spie_csrf') ?? '',
      'content-type': 'application/octet-stream',
    },
    payload,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
}

const countServices = async () =>
  Number(
    (
      await ctx.deps.database.db
        .selectFrom('catalogue_services')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', 'like', 'testimp--%')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  territoryId = (await ctx.deps.database.db.selectFrom('territories').select('id').executeTakeFirstOrThrow())
    .id;
  const report = await run('structures', 'json', JSON.stringify([structure(1), structure(2)]));
  expect(report.totals).toMatchObject({ rows: 2, created: 2, rejected: 0 });
});
afterAll(() => ctx.close());

describe('validation: errors reject the row, warnings keep it', () => {
  it('reports each error and warning code on crafted rows (dry run)', async () => {
    const old = '2023-01-01';
    const rows = [
      service(1),
      service(1, { nom: 'Doublon' }),
      service(2, { thematiques: ['xyz'] }),
      service(3, { id: 'testimp-v3' }),
      service(4, { id: 'autre--v4' }),
      service(5, { structure_id: 'testimp--inconnue' }),
      service(6, { code_insee: '00000' }),
      service(7, { description: 'Trop court pour bien décrire.' }),
      service(8, { telephone: null, courriel: null }),
      service(9, { date_maj: old }),
      service(10, { frais: 'payant' }),
      service(11, { modes_mobilisation: ['utiliser-lien-mobilisation'] }),
      service(12, { adresse: null }),
      service(13, { latitude: null, longitude: null }),
      service(14, { nom: 'Atelier CV.' }),
      service(15, { courriel: 'pas-une-adresse', date_maj: '2026-13-45' }),
      { id: 'testimp--v16', source: 'testimp' },
      service(17, { date_maj: '2027-06-01' }),
    ];
    const report = await run('services', 'json', JSON.stringify(rows), true);
    expect(report.applied).toBe(false);
    expect(report.totals).toEqual({
      rows: 18,
      created: 10,
      updated: 0,
      unchanged: 0,
      rejected: 8,
      warnings: 9,
    });
    const duplicate = report.rows.find((row) => row.row === 2);
    expect(duplicate?.issues.map((i) => i.code)).toEqual(['rule.duplicate_id']);
    const unknownEnum = report.rows.find((row) => row.id === 'testimp--v2');
    expect(unknownEnum?.outcome).toBe('rejete');
    expect(unknownEnum?.issues).toEqual([
      {
        field: 'thematiques',
        severity: 'erreur',
        code: 'schema.enum',
        message: 'Valeur inconnue pour thematiques : "xyz".',
      },
    ]);
    expect(issueCodes(report, 'testimp-v3')).toEqual(['rule.id_format']);
    expect(issueCodes(report, 'autre--v4')).toEqual(['rule.id_source']);
    expect(issueCodes(report, 'testimp--v5')).toEqual(['rule.structure_unknown']);
    expect(issueCodes(report, 'testimp--v6')).toEqual(['rule.code_insee_unknown']);
    expect(issueCodes(report, 'testimp--v7')).toEqual(['rule.description_short']);
    expect(issueCodes(report, 'testimp--v8')).toEqual(['rule.no_contact']);
    expect(issueCodes(report, 'testimp--v9')).toEqual(['rule.date_maj_old']);
    expect(issueCodes(report, 'testimp--v10')).toEqual(['rule.frais_precisions']);
    expect(issueCodes(report, 'testimp--v11')).toEqual(['rule.lien_mobilisation']);
    expect(issueCodes(report, 'testimp--v12')).toEqual(['rule.presentiel_adresse']);
    expect(issueCodes(report, 'testimp--v13')).toEqual(['rule.coordinates_filled']);
    expect(issueCodes(report, 'testimp--v14')).toEqual(['rule.nom_dot']);
    expect(issueCodes(report, 'testimp--v15').sort()).toEqual(['schema.format', 'schema.format']);
    expect(
      report.rows
        .find((row) => row.id === 'testimp--v15')
        ?.issues.map((i) => i.field)
        .sort(),
    ).toEqual(['courriel', 'date_maj']);
    expect(issueCodes(report, 'testimp--v16')).toEqual([
      'schema.required',
      'schema.required',
      'schema.required',
      'schema.required',
      'rule.no_contact',
    ]);
    expect(issueCodes(report, 'testimp--v17')).toEqual(['rule.date_maj_future']);
    for (const row of report.rows) for (const issue of row.issues) expect(issue.message).toMatch(/\S/);
    expect(await countServices()).toBe(0);
  });
});

describe('import, re-import, formats', () => {
  const rows = [
    service(1),
    service(2, { thematiques: ['mobilite--preparer-un-permis', 'numerique--acquerir-un-equipement'] }),
    service(3, { frais: 'payant', frais_precisions: '10 € par mois' }),
  ];

  it('JSON: creates, then a re-import is all unchanged and writes nothing', async () => {
    const first = await run('services', 'json', JSON.stringify(rows));
    expect(first.applied).toBe(true);
    expect(first.totals).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const before = await ctx.deps.database.db
      .selectFrom('catalogue_services')
      .select(['id', 'updated_at', 'revision', 'status', 'quality_score', 'search_text'])
      .where('id', 'like', 'testimp--%')
      .orderBy('id')
      .execute();
    expect(before.map((b) => b.status)).toEqual(['publie', 'publie', 'publie']);
    expect(Number(before[0]?.quality_score)).toBeGreaterThan(0.5);
    expect(before[0]?.search_text).toContain('association test 1');
    ctx.clock.set('2026-11-03T09:00:00.000Z');
    const second = await run('services', 'json', JSON.stringify(rows));
    expect(second.totals).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(second.rows).toEqual([]);
    const after = await ctx.deps.database.db
      .selectFrom('catalogue_services')
      .select(['id', 'updated_at', 'revision', 'status', 'quality_score', 'search_text'])
      .where('id', 'like', 'testimp--%')
      .orderBy('id')
      .execute();
    expect(after).toEqual(before);
  });

  it('an update touches only the data·inclusion fields, never SPIE’s additions', async () => {
    await ctx.deps.database.db
      .updateTable('catalogue_services')
      .set({ capacity: 12, status: 'suspendu', referral_contact_email: 'contact@example.org' })
      .where('id', '=', 'testimp--v1')
      .execute();
    const changed = rows.map((row) =>
      row.id === 'testimp--v1' ? { ...row, nom: 'Permis B accompagné' } : row,
    );
    const report = await run('services', 'json', JSON.stringify(changed));
    expect(report.totals).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const row = await ctx.deps.database.db
      .selectFrom('catalogue_services')
      .selectAll()
      .where('id', '=', 'testimp--v1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      nom: 'Permis B accompagné',
      capacity: 12,
      status: 'suspendu',
      referral_contact_email: 'contact@example.org',
      revision: 2,
    });
    await run('services', 'json', JSON.stringify(rows));
  });

  const table = () => {
    const fields = schemaFields('services');
    const lists = arrayFields('services');
    return [
      fields,
      ...rows.map((row) =>
        fields.map((f) => {
          const v = (row as Record<string, unknown>)[f];
          if (v === undefined || v === null) return '';
          return lists.has(f) ? (v as string[]).join('|') : String(v);
        }),
      ),
    ];
  };

  it('CSV (; delimiter, lists with |) gives the same result: all unchanged', async () => {
    const csv = table()
      .map((line) => line.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
      .join('\r\n');
    const report = await run('services', 'csv', `\uFEFF${csv}`);
    expect(report.totals).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it('XLSX (first sheet, header row) gives the same result: all unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('services');
    const [header, ...lines] = table();
    sheet.addRow(header as string[]);
    for (const line of lines) {
      sheet.addRow(
        line.map((c, i) => (['latitude', 'longitude'].includes(header?.[i] ?? '') && c ? Number(c) : c)),
      );
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await run('services', 'xlsx', buffer);
    expect(report.totals).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it('a dry run with changes writes nothing', async () => {
    const report = await run('services', 'json', JSON.stringify([...rows, service(40)]), true);
    expect(report).toMatchObject({ applied: false, dryRun: true });
    expect(report.totals).toMatchObject({ created: 1, unchanged: 3 });
    expect(report.rows.map((row) => [row.id, row.outcome])).toEqual([['testimp--v40', 'cree']]);
    expect(await countServices()).toBe(3);
  });

  it('a failure while writing the last batch rolls everything back', async () => {
    const many = Array.from({ length: 1100 }, (_, i) =>
      service(100 + i, { nom: i === 1099 ? 'BOOM final' : `Offre ${i}` }),
    );
    await sql`alter table catalogue_services add constraint test_no_boom check (nom <> 'BOOM final')`.execute(
      ctx.deps.database.db,
    );
    try {
      await expect(run('services', 'json', JSON.stringify(many))).rejects.toMatchObject({
        code: 'catalogue_import.write_failed',
      });
    } finally {
      await sql`alter table catalogue_services drop constraint test_no_boom`.execute(ctx.deps.database.db);
    }
    expect(await countServices()).toBe(3);
  });
});

describe('bad files are refused whole', () => {
  it('bad JSON gives the position', async () => {
    await expect(run('services', 'json', '[{"id": "a--b",\n "nom": }]')).rejects.toMatchObject({
      code: 'catalogue_import.bad_json',
      message: expect.stringMatching(/ligne 2, colonne 9/),
    });
  });
  it('a JSON object instead of an array', async () => {
    await expect(run('services', 'json', '{"id": "a--b"}')).rejects.toMatchObject({
      code: 'catalogue_import.not_array',
    });
  });
  it('a Latin-1 CSV is refused with the advice to save as UTF-8 (HTTP)', async () => {
    const latin1 = Buffer.from(
      'id;source;nom;description;date_maj\ntestimp--z;testimp;Cr\xe8che;D\xe9j\xe0 ouvert;2026-10-01\n',
      'latin1',
    );
    const res = await rawImport('Fontaine', 'kind=services&format=csv', latin1);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'catalogue_import.encoding', message: expect.stringMatching(/UTF-8/) },
    });
  });
  it('a file over the limit is refused and nothing is written (HTTP)', async () => {
    const big = Buffer.alloc(r.import.bodyLimitBytes ? r.import.bodyLimitBytes + 1 : 1, 0x20);
    const res = await rawImport('Fontaine', 'kind=services&format=json', big);
    expect(res.body).toMatchObject({ error: { code: 'catalogue_import.too_large' } });
    expect(await countServices()).toBe(3);
  });
  it('a non-admin member cannot import (403), the admin can (HTTP)', async () => {
    const file = Buffer.from(JSON.stringify([service(1)]));
    const refused = await rawImport('Girard', 'kind=services&format=json&dryRun=true', file);
    expect(refused.status).toBe(403);
    const ok = await rawImport('Fontaine', 'kind=services&format=json&dryRun=true', file);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ applied: false, totals: { unchanged: 1 } });
  });
});

describe('export and public API', () => {
  const validator = (kind: ImportKind) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const file = kind === 'services' ? 'service.json' : 'structure.json';
    return ajv.compile(JSON.parse(readFileSync(path.join(dataDir, 'data-inclusion', 'v1', file), 'utf8')));
  };

  it.each(['services', 'structures'] as const)(
    'the %s export validates against the official schema (JSON and CSV)',
    async (kind) => {
      const client = await loginAs(ctx, 'Girard');
      const validate = validator(kind);
      const json = await client.request<unknown[]>('GET', `/api/catalogue/export?kind=${kind}&format=json`);
      expect(json.status).toBe(200);
      expect(String(json.headers['content-disposition'])).toMatch(
        new RegExp(`attachment; filename="${kind}-data-inclusion-\\w+-2026-11-\\d\\d\\.json"`),
      );
      const items = json.body as Record<string, unknown>[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
        expect(Object.keys(item).sort()).toEqual(schemaFields(kind).sort());
      }
      if (kind === 'services') {
        expect(items.map((i) => i.id)).toContain('testimp--v2');
        expect(items.map((i) => i.id)).not.toContain('testimp--v1'); // suspended
      }
      const csv = await client.request<string>('GET', `/api/catalogue/export?kind=${kind}&format=csv`);
      expect(csv.status).toBe(200);
      const records = parseCsv(String(csv.body), { columns: true }) as Record<string, string>[];
      expect(records.length).toBe(items.length);
      const lists = arrayFields(kind);
      const numbers = new Set(['latitude', 'longitude', 'volume_horaire_hebdomadaire', 'nombre_semaines']);
      for (const record of records) {
        const back: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(record)) {
          if (v === '') back[k] = null;
          else if (lists.has(k)) back[k] = v.split(',');
          else if (numbers.has(k)) back[k] = Number(v);
          else back[k] = v;
        }
        expect(validate(back), JSON.stringify(validate.errors)).toBe(true);
      }
    },
  );

  it('public API: keyset pages without duplicates, total, no SPIE fields, département filter', async () => {
    const anonymous = ctx.app;
    const seen: string[] = [];
    let next: string | null = null;
    let total = 0;
    do {
      const res = await anonymous.inject({
        method: 'GET',
        url: `/api/data-inclusion/v1/services?size=2${next ? `&after=${next}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const page = JSON.parse(res.body) as {
        items: Record<string, unknown>[];
        next: string | null;
        total: number;
      };
      total = page.total;
      for (const item of page.items) {
        seen.push(String(item.id));
        expect(item).not.toHaveProperty('capacity');
        expect(item).not.toHaveProperty('status');
        expect(item).not.toHaveProperty('owner_organisation_id');
        expect(item).not.toHaveProperty('referral_contact_email');
      }
      next = page.next;
    } while (next);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(seen).toContain('testimp--v2');
    const dep = await anonymous.inject({
      method: 'GET',
      url: '/api/data-inclusion/v1/structures?departement=75&size=1000',
    });
    expect(JSON.parse(dep.body)).toMatchObject({ items: [], total: 0, next: null });
    const structures = await anonymous.inject({
      method: 'GET',
      url: '/api/data-inclusion/v1/structures?departement=93',
    });
    expect(JSON.parse(structures.body).items.map((s: { id: string }) => s.id)).toContain('testimp--s1');
  });
});
