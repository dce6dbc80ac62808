// A sheet as an SVG (satori lays it out with flexbox, as a browser would) and as a PNG (resvg
// rasterises the SVG). Neither needs a browser, so the build runs on CI and Cloudflare's builders.
import satori from 'satori';
import { FONT_FAMILY, fonts } from './fonts.ts';
import { svgToPng } from './png.ts';
import { qrSvg } from './qr.ts';
import { listLines, typeScale, type Block, type Sheet } from './sheet.ts';

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | string; src?: string; width?: number; height?: number };
}
const el = (type: string, style: Record<string, unknown>, children: (Node | string)[] | string): Node => ({ type, props: { style, children } });

/** Renders the sheet as an SVG picture `widthPx` wide; text is drawn as shapes, so it looks the same everywhere. */
export async function renderSvg(sheet: Sheet, widthPx: number): Promise<string> {
  const k = widthPx / sheet.size.width;
  const t = typeScale(sheet);
  const px = (pt: number) => Math.round(pt * k * 100) / 100;
  const size = (b: Block) => (b.type === 'heading' ? (b.level === 2 ? t.h2 : t.h1) : b.type === 'paragraph' ? t[b.size ?? 'normal'] : t.normal);

  const blocks = (list: Block[], colour: string): Node[] =>
    list.map((b) => {
      const text = { fontSize: px(size(b)), lineHeight: 1.25, color: colour, margin: 0 };
      if (b.type === 'panel') {
        return el('div', { display: 'flex', flexDirection: 'column', boxSizing: 'border-box', gap: px(t.gap), padding: px(t.panelPadding), backgroundColor: sheet.colours.paper }, blocks(b.blocks, sheet.colours.ink));
      }
      if (b.type === 'heading') return el('div', { ...text, display: 'block', fontWeight: 700, lineHeight: 1.05 }, b.text);
      if (b.type === 'qr') {
        const side = px(t.qr);
        const src = `data:image/svg+xml;base64,${Buffer.from(qrSvg(b.modules, sheet.colours.ink, sheet.colours.paper)).toString('base64')}`;
        const code: Node = { type: 'img', props: { src, width: side, height: side, style: { flexShrink: 0 } } };
        const words = el('div', { ...text, fontSize: px(t.normal), display: 'block', flex: 1 }, b.caption.map((r) => el('span', { fontWeight: r.bold ? 700 : 400 }, r.text)));
        return el('div', { display: 'flex', flexDirection: 'row', alignItems: 'center', gap: px(t.gap) }, [code, words]);
      }
      if (b.type === 'list') return el('div', { display: 'flex', flexDirection: 'column', ...text }, listLines(b).map((line) => el('div', { display: 'block' }, line)));
      // Satori lays text out inline, as a browser would: bold runs wrap with the words around them.
      const runs = typeof b.text === 'string' ? [{ text: b.text }] : b.text;
      return el('div', { ...text, display: 'block' }, runs.map((r) => el('span', { fontWeight: r.bold ? 700 : 400 }, r.text)));
    });

  const column = (list: Block[]) => el('div', { display: 'flex', flexDirection: 'column', gap: px(t.gap) }, blocks(list, sheet.colours.text));
  const heightPx = Math.round(sheet.size.height * k);
  const tree = el(
    'div',
    {
      width: widthPx,
      height: heightPx,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      gap: px(t.gap),
      padding: px(t.padding),
      backgroundColor: sheet.colours.background,
      fontFamily: FONT_FAMILY,
    },
    [column(sheet.top), column(sheet.bottom ?? [])],
  );
  const { regular, bold } = fonts();
  return satori(tree as never, {
    width: widthPx,
    height: heightPx,
    fonts: [
      { name: FONT_FAMILY, data: regular, weight: 400, style: 'normal' },
      { name: FONT_FAMILY, data: bold, weight: 700, style: 'normal' },
    ],
  });
}

/** Renders the sheet as a PNG picture `widthPx` wide. */
export async function renderPng(sheet: Sheet, widthPx: number): Promise<Uint8Array> {
  return svgToPng(await renderSvg(sheet, widthPx), widthPx);
}
