import PDFDocument from 'pdfkit';

/**
 * Accessible PDFs made by SPIE (letters, contracts): tagged (a structure tree a screen reader
 * follows: headings, paragraphs, lists), in French, with real text and the title shown instead
 * of the file name. Renders in memory: call `finish()` once the content is written.
 */
export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  h1(text: string): void;
  h2(text: string): void;
  h3(text: string): void;
  p(text: string, opts?: { bold?: boolean; size?: number }): void;
  /** A bulleted list (L › LI › Lbl + LBody). */
  list(items: string[]): void;
  finish(): Promise<Buffer>;
}

export function taggedPdf(meta: { title: string; author: string; subject: string }): TaggedPdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 112;

  const block = (
    type: 'P' | 'H1' | 'H2' | 'H3',
    text: string,
    opts: { size: number; bold?: boolean; gap?: number },
  ) => {
    root.add(
      doc.struct(type, {}, () => {
        doc
          .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(opts.size)
          .text(text, { width });
      }),
    );
    doc.moveDown(opts.gap ?? 0.6);
  };

  return {
    doc,
    h1: (text) => block('H1', text, { size: 18, bold: true, gap: 0.8 }),
    h2: (text) => block('H2', text, { size: 13, bold: true, gap: 0.3 }),
    h3: (text) => block('H3', text, { size: 11.5, bold: true, gap: 0.2 }),
    p: (text, opts) => block('P', text, { size: opts?.size ?? 11, bold: opts?.bold ?? false }),
    list: (items) => {
      if (items.length === 0) return;
      const list = doc.struct('L');
      root.add(list);
      for (const item of items) {
        const li = doc.struct('LI');
        list.add(li);
        li.add(
          doc.struct('Lbl', {}, () => {
            doc.font('Helvetica').fontSize(11).text('•', 62, doc.y, { continued: false, width: 10 });
          }),
        );
        doc.moveUp();
        li.add(
          doc.struct('LBody', {}, () => {
            doc
              .font('Helvetica')
              .fontSize(11)
              .text(item, 76, doc.y, { width: width - 20 });
          }),
        );
        li.end();
        doc.x = 56;
        doc.moveDown(0.2);
      }
      list.end();
      doc.x = 56;
      doc.moveDown(0.4);
    },
    finish: () => {
      root.end();
      doc.end();
      return done;
    },
  };
}
