import { jsPDF } from 'jspdf';

/**
 * PDF export with Chinese text. jsPDF's built-in fonts have no Chinese glyphs, and embedding a CJK
 * font would add megabytes, so the document is drawn onto a canvas with the page's own fonts and
 * placed into the PDF as an image (A4, split across pages when taller than one page).
 */
export interface PdfSection {
  heading?: string;
  columns: string[];
  /** Relative column widths; equal when omitted. */
  widths?: number[];
  rows: string[][];
}

export interface PdfDocument {
  title: string;
  meta: string[];
  sections: PdfSection[];
  footer: string[];
}

const WIDTH = 1000;
const MARGIN = 40;

function pageFont(): string {
  const fallback =
    '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
  if (typeof document === 'undefined') return fallback;
  // antd puts the theme font on its App root, not on <body> (which keeps the browser's serif).
  const root = document.querySelector('.ant-app') ?? document.body;
  const family = getComputedStyle(root).fontFamily;
  return family && !/^"?(Times|serif)/i.test(family) ? family : fallback;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface RenderedDocument {
  canvas: HTMLCanvasElement;
  /** Canvas y positions (device pixels) where a page may break: below a row, before a heading. */
  breaks: number[];
}

export function renderDocumentCanvas(doc: PdfDocument, scale = 2): RenderedDocument {
  const font = pageFont();
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('Canvas 2D is not available');
  const inner = WIDTH - 2 * MARGIN;
  // First pass: lay out rows (wrapped cells) to know the height.
  measure.font = `15px ${font}`;
  const layouts = doc.sections.map((s) => {
    const total = (s.widths ?? s.columns.map(() => 1)).reduce((a, b) => a + b, 0);
    const widths = (s.widths ?? s.columns.map(() => 1)).map((w) => (w / total) * inner);
    const rows = [s.columns, ...s.rows].map((cells) => {
      const wrapped = cells.map((c, i) => wrap(measure, c, (widths[i] ?? 100) - 16));
      return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * 22 + 12 };
    });
    return { section: s, widths, rows };
  });
  measure.font = `14px ${font}`;
  const footerLines = doc.footer.flatMap((f) => wrap(measure, f, inner));
  let height = MARGIN + 44 + doc.meta.length * 24 + 16;
  for (const l of layouts)
    height += (l.section.heading ? 36 : 0) + l.rows.reduce((a, r) => a + r.height, 0) + 20;
  height += footerLines.length * 22 + MARGIN;

  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * scale;
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  let y = MARGIN;
  ctx.font = `bold 24px ${font}`;
  ctx.textAlign = 'center';
  ctx.fillText(doc.title, WIDTH / 2, y);
  ctx.textAlign = 'left';
  y += 44;
  ctx.font = `15px ${font}`;
  for (const m of doc.meta) {
    ctx.fillText(m, MARGIN, y);
    y += 24;
  }
  y += 16;
  const breaks: number[] = [];
  for (const l of layouts) {
    breaks.push(y * scale);
    if (l.section.heading) {
      ctx.font = `bold 17px ${font}`;
      ctx.fillText(l.section.heading, MARGIN, y + 6);
      y += 36;
    }
    l.rows.forEach((row, ri) => {
      let x = MARGIN;
      if (ri === 0) {
        ctx.fillStyle = '#eef3fb';
        ctx.fillRect(MARGIN, y, inner, row.height);
        ctx.fillStyle = '#000';
      }
      ctx.font = ri === 0 ? `bold 15px ${font}` : `15px ${font}`;
      row.wrapped.forEach((lines, ci) => {
        const w = l.widths[ci] ?? 100;
        ctx.strokeStyle = '#8c8c8c';
        ctx.strokeRect(x, y, w, row.height);
        lines.forEach((text, li) => ctx.fillText(text, x + 8, y + 8 + li * 22));
        x += w;
      });
      y += row.height;
      // Breaking right after a header row would orphan it.
      if (ri > 0) breaks.push(y * scale);
    });
    y += 20;
  }
  breaks.push(y * scale);
  ctx.font = `14px ${font}`;
  ctx.fillStyle = '#333';
  for (const line of footerLines) {
    ctx.fillText(line, MARGIN, y);
    y += 22;
  }
  return { canvas, breaks };
}

function pageEnd(top: number, limit: number, height: number, breaks: number[]): number {
  if (limit >= height) return height;
  const fitting = breaks.filter((b) => b > top && b <= limit);
  return fitting.length > 0 ? Math.max(...fitting) : limit;
}

/** Builds the PDF; returns it so callers can save it or inspect it. */
export function documentToPdf(doc: PdfDocument): jsPDF {
  const { canvas, breaks } = renderDocumentCanvas(doc);
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  const pageW = 210;
  const pageH = 297;
  const margin = 10;
  const imgW = pageW - 2 * margin;
  const pxPerMm = canvas.width / imgW;
  const slicePx = Math.floor((pageH - 2 * margin) * pxPerMm);
  for (let top = 0, page = 0; top < canvas.height; page++) {
    // Cut at the last row boundary that fits, so no table row is split across pages.
    const end = pageEnd(top, top + slicePx, canvas.height, breaks);
    const h = end - top;
    const slice = document.createElement('canvas');
    slice.width = canvas.width;
    slice.height = h;
    slice.getContext('2d')?.drawImage(canvas, 0, top, canvas.width, h, 0, 0, canvas.width, h);
    if (page > 0) pdf.addPage();
    // 'FAST' deflates the pixels; without it jsPDF stores raw RGB (8 MB for one page).
    pdf.addImage(
      slice.toDataURL('image/png'),
      'PNG',
      margin,
      margin,
      imgW,
      h / pxPerMm,
      undefined,
      'FAST',
    );
    top = end;
  }
  pdf.setProperties({ title: doc.title, creator: 'XX市数字政府统一协同平台（模拟环境）' });
  return pdf;
}

export function savePdf(doc: PdfDocument, fileName: string): void {
  documentToPdf(doc).save(fileName);
}
