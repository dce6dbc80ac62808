// A sheet as a tagged PDF (PDF/UA structure: a title, a language, headings, paragraphs and lists
// marked as such, decoration marked as artifacts), so a screen reader reads a printed poster or
// briefing as well as the web page. pdfkit lays the text out itself: no browser is needed to build,
// which matters on CI and on Cloudflare's build machines.
import PDFDocument from 'pdfkit';
import { fonts } from './fonts.ts';
import { listLines, plainText, typeScale, type Block, type Run, type Sheet } from './sheet.ts';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

/** How many pages a PDF has: one /Type /Page object each (/Type /Pages is the tree that holds them). */
export function pdfPageCount(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** Renders the sheet as a PDF; the same sheet always gives the same bytes. */
export function renderPdf(sheet: Sheet): Promise<Uint8Array> {
  const { width, height } = sheet.size;
  const t = typeScale(sheet);
  const doc = new PDFDocument({
    size: [width, height],
    margin: t.padding,
    tagged: true,
    lang: sheet.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    // A fixed date keeps the file the same from build to build.
    info: { Title: sheet.title, Author: sheet.author, CreationDate: new Date(0), ModDate: new Date(0) },
    autoFirstPage: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));

  const { regular, bold } = fonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const inner = width - 2 * t.padding;

  const background = () => {
    doc.markContent('Artifact', { type: 'Layout' });
    doc.rect(0, 0, width, height).fill(sheet.colours.background);
    doc.endMarkedContent();
  };
  doc.on('pageAdded', background);
  doc.addPage();

  const root = doc.struct('Document');
  doc.addStructure(root);

  /** A paragraph's runs, from (x, y), bold where marked. */
  const writeRuns = (runs: readonly Run[], x: number, y: number, options: { width: number; lineGap: number }) =>
    runs.forEach((r, n) => {
      // A run with a link (a phone number) can be tapped in a PDF reader; the rest carry none.
      const run = { ...options, link: r.link ?? null, continued: n < runs.length - 1 };
      // Later runs follow on from the last: pdfkit reads (text, options), since an undefined
      // x would make it drop the options given after it.
      doc.font(r.bold ? 'bold' : 'regular');
      if (n) doc.text(r.text, run);
      else doc.text(r.text, x, y, run);
    });

  const size = (b: Block) => (b.type === 'heading' ? (b.level === 2 ? t.h2 : t.h1) : b.type === 'paragraph' ? t[b.size ?? 'normal'] : t.normal);

  /** The height a block takes at a width, for placing the foot of the page and sizing panels. */
  const heightOf = (blocks: Block[], w: number): number =>
    blocks.reduce((sum, b, i) => {
      const gap = i ? t.gap : 0;
      if (b.type === 'panel') return sum + gap + heightOf(b.blocks, w - 2 * t.panelPadding) + 2 * t.panelPadding;
      if (b.type === 'qr') {
        doc.font(b.caption.some((r) => r.bold) ? 'bold' : 'regular').fontSize(t.normal);
        return sum + gap + Math.max(t.qr, doc.heightOfString(plainText(b.caption), { width: w - t.qr - t.gap, lineGap: t.normal * 0.25 }));
      }
      const text = b.type === 'list' ? listLines(b).join('\n') : b.type === 'heading' ? b.text : plainText(b.text);
      // A paragraph with bold words is measured all in bold, which is wider: measuring it too short
      // would push the foot of the page onto a second sheet.
      const bold = b.type === 'heading' || (b.type === 'paragraph' && typeof b.text !== 'string' && b.text.some((r) => r.bold));
      doc.font(bold ? 'bold' : 'regular').fontSize(size(b));
      return sum + gap + doc.heightOfString(text, { width: w, lineGap: size(b) * 0.25 });
    }, 0);

  const draw = (parent: Struct, blocks: Block[], x: number, w: number, colour: string) => {
    blocks.forEach((b, i) => {
      if (i) doc.y += t.gap;
      if (b.type === 'panel') {
        const h = heightOf(b.blocks, w - 2 * t.panelPadding) + 2 * t.panelPadding;
        const top = doc.y;
        doc.markContent('Artifact', { type: 'Layout' });
        doc.rect(x, top, w, h).fill(sheet.colours.paper);
        doc.endMarkedContent();
        const section = doc.struct('Div');
        parent.add(section);
        doc.y = top + t.panelPadding;
        draw(section, b.blocks, x + t.panelPadding, w - 2 * t.panelPadding, sheet.colours.ink);
        section.end();
        doc.y = top + h;
        return;
      }
      if (b.type === 'qr') {
        const top = doc.y;
        const h = heightOf([b], w);
        // The code is a figure with its text alternative; its squares are drawn as shapes, so it
        // prints sharp at any size.
        parent.add(doc.struct('Figure', { alt: b.alt }, () => {
          const quiet = 4;
          const cell = t.qr / (b.modules.length + 2 * quiet);
          const y0 = top + (h - t.qr) / 2;
          doc.rect(x, y0, t.qr, t.qr).fill(sheet.colours.paper);
          b.modules.forEach((row, r) => row.forEach((on, c) => {
            if (on) doc.rect(x + (c + quiet) * cell, y0 + (r + quiet) * cell, cell, cell);
          }));
          doc.fill(sheet.colours.ink);
        }));
        const words = b.caption;
        const textX = x + t.qr + t.gap;
        const textW = w - t.qr - t.gap;
        doc.font(words.some((r) => r.bold) ? 'bold' : 'regular').fontSize(t.normal);
        const textH = doc.heightOfString(plainText(words), { width: textW, lineGap: t.normal * 0.25 });
        doc.fillColor(colour);
        const startY = top + (h - textH) / 2;
        parent.add(doc.struct('P', {}, () => writeRuns(words, textX, startY, { width: textW, lineGap: t.normal * 0.25 })));
        doc.x = x;
        doc.y = top + h;
        return;
      }
      const options = { width: w, lineGap: size(b) * 0.25 };
      doc.fillColor(colour).fontSize(size(b));
      if (b.type === 'heading') {
        parent.add(doc.struct(b.level === 2 ? 'H2' : 'H1', {}, () => doc.font('bold').text(b.text, x, doc.y, options)));
      } else if (b.type === 'list') {
        const list = doc.struct('L');
        parent.add(list);
        for (const item of listLines(b)) {
          list.add(doc.struct('LI', {}, [doc.struct('LBody', {}, () => doc.font('regular').text(item, x, doc.y, options))]));
        }
        list.end();
      } else {
        const runs = typeof b.text === 'string' ? [{ text: b.text }] : b.text;
        parent.add(doc.struct('P', {}, () => writeRuns(runs, x, doc.y, options)));
      }
    });
  };

  doc.y = t.padding;
  draw(root, sheet.top, t.padding, inner, sheet.colours.text);
  if (sheet.bottom?.length) {
    const h = heightOf(sheet.bottom, inner);
    // At the foot of the page when it fits below the rest; otherwise it follows on.
    doc.y = Math.max(doc.y + t.gap, height - t.padding - h);
    draw(root, sheet.bottom, t.padding, inner, sheet.colours.text);
  }
  root.end();
  doc.end();
  return done;
}
