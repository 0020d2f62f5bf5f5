import type { ErrorBody } from '@spie/contract';
import { peopleRoutes as r } from '@spie/contract/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { decodeBase64, detectDocumentType, safeFilename } from './documentType';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const errorOf = (body: unknown) => (body as ErrorBody).error;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5e80000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64),
  Buffer.from('ffd9', 'hex'),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('document type from content', () => {
  it('accepts PDF, JPEG and PNG signatures and nothing else', async () => {
    expect(await detectDocumentType(PDF)).toBe('application/pdf');
    expect(await detectDocumentType(PNG)).toBe('image/png');
    expect(await detectDocumentType(JPEG)).toBe('image/jpeg');
    expect(await detectDocumentType(EXE)).toBeNull();
    expect(await detectDocumentType(HTML)).toBeNull();
    expect(await detectDocumentType(Buffer.from('GIF89a\u0001\u0000'))).toBeNull();
    expect(await detectDocumentType(Buffer.alloc(0))).toBeNull();
  });
  it('names files safely and decodes strict base64', () => {
    expect(safeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFilename('C:\\scans\\Photo.JPEG', 'image/png')).toBe('Photo.png');
    expect(safeFilename('"<>', 'application/pdf')).toBe('document.pdf');
    expect(decodeBase64('aGVsbG8=')?.toString()).toBe('hello');
    expect(decodeBase64('aGVs*G8=')).toBeNull();
  });
});

describe('documents', () => {
  it('uploads, lists per section, downloads with safe headers and audits the download', async () => {
    const personId = await createPersonFixture(ctx, [
      { lastName: 'Girard', role: 'referent' },
      { lastName: 'Cohen', role: 'intervenant' },
      { lastName: 'Diallo', role: 'intervenant' },
    ]);
    const girard = await loginAs(ctx, 'Girard');
    const up = await girard.call<{
      id: string;
      contentType: string;
      filename: string;
      sizeBytes: number;
      section: string;
    }>(r.uploadDocument, {
      params: { id: personId },
      body: {
        category: 'certificate',
        filename: 'attestation été.pdf',
        contentBase64: PDF.toString('base64'),
        retentionUntil: '2028-11-01',
      },
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      contentType: 'application/pdf',
      filename: 'attestation été.pdf',
      sizeBytes: PDF.length,
      section: 'documents',
    });
    // A PNG named .pdf is stored as what it is.
    const png = await girard.call<{ contentType: string; filename: string }>(r.uploadDocument, {
      params: { id: personId },
      body: { category: 'identity', filename: 'carte.pdf', contentBase64: PNG.toString('base64') },
    });
    expect(png.body).toMatchObject({ contentType: 'image/png', filename: 'carte.png' });
    // Intervenants may not add to the documents section; the social worker adds a sensitive one.
    const cohen = await loginAs(ctx, 'Cohen');
    expect(
      (
        await cohen.call(r.uploadDocument, {
          params: { id: personId },
          body: { category: 'other', filename: 'a.pdf', contentBase64: PDF.toString('base64') },
        })
      ).status,
    ).toBe(403);
    const diallo = await loginAs(ctx, 'Diallo');
    const sensitive = await diallo.call<{ id: string }>(r.uploadDocument, {
      params: { id: personId },
      body: {
        category: 'certificate',
        section: 'sensitive',
        filename: 'certificat.jpg',
        contentBase64: JPEG.toString('base64'),
      },
    });
    expect(sensitive.status).toBe(201);

    const cohenList = await cohen.call<{ items: { id: string }[] }>(r.documents, {
      params: { id: personId },
    });
    expect(cohenList.body.items).toHaveLength(2);
    const dialloList = await diallo.call<{ items: { id: string }[] }>(r.documents, {
      params: { id: personId },
    });
    expect(dialloList.body.items).toHaveLength(3);
    const blocked = await cohen.request('GET', `/api/documents/${sensitive.body.id}/content`);
    expect(blocked.status).toBe(403);

    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/documents/${up.body.id}/content`,
      headers: { cookie: [...girard.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''attestation%20%C3%A9t%C3%A9.pdf",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const audit = await ctx.deps.database.db
      .selectFrom('audit_log')
      .select(['person_id', 'section', 'subject_id'])
      .where('action', '=', 'people.downloadDocument')
      .where('outcome', '=', 'success')
      .execute();
    expect(audit).toEqual([{ person_id: personId, section: 'documents', subject_id: up.body.id }]);
  });

  it('refuses a renamed executable or web page, and empty or oversized files', async () => {
    const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    const girard = await loginAs(ctx, 'Girard');
    const upload = (content: Buffer, filename = 'dossier.pdf') =>
      girard.call(r.uploadDocument, {
        params: { id: personId },
        body: { category: 'other', filename, contentBase64: content.toString('base64') },
      });
    for (const content of [EXE, HTML]) {
      const res = await upload(content);
      expect(res.status).toBe(400);
      expect(errorOf(res.body).code).toBe('document.type_not_allowed');
      expect(errorOf(res.body).message).toMatch(/Type de fichier non accepté/);
    }
    const empty = await upload(Buffer.alloc(0));
    expect(errorOf(empty.body).code).toBe('document.too_large');
    // 10 MB + 1 byte: over the 1 MiB default body limit, so the route's own limit applies.
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)]));
    expect(big.status).toBe(400);
    expect(errorOf(big.body).code).toBe('document.too_large');
    const exactly = await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)]));
    expect(exactly.status).toBe(201);
    // Past the route's body limit (15 MB), the server refuses before parsing.
    const huge = await upload(Buffer.alloc(12 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(await ctx.deps.database.db.selectFrom('documents').select('id').execute()).toHaveLength(1);
  }, 120_000);
});
