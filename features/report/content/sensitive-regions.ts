import { findPersonalData, mightHoldPersonalData } from '../../../lib/privacy/personal-data';

/** A box to cover before a screenshot, in the top window's viewport (CSS px). */
export interface MaskRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Why it is covered: shown on the mask so the reader of the screenshot knows. */
  kind: 'password' | 'sensitive' | 'personal-data';
}

/** The top window's viewport when the regions were measured (CSS px). */
export interface ViewportFacts {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
  devicePixelRatio: number;
}

/**
 * What a screenshot of the page must cover, and where the page was when that was measured. The
 * background compares two of these (before and after its capture) to tell whether the page moved
 * under the capture (features/report/background/screenshot.ts).
 */
export interface SensitivePage {
  regions: MaskRegion[];
  viewport: ViewportFacts;
}

/** Something to cover, before layout: a stretch of text, or a whole element (a field, a frame). */
export interface SensitiveTarget {
  kind: MaskRegion['kind'];
  cover: Range | Element;
}

/** Fields and elements the page marks as sensitive (ours and common conventions). */
const SENSITIVE_SELECTOR = [
  'input[type="password"]',
  '[data-sensitive]',
  '[data-zhiyin-sensitive]',
  '[autocomplete="cc-number"]',
  '[autocomplete="cc-csc"]',
  '[autocomplete="one-time-code"]',
].join(',');

/** Elements whose text is never shown as text (or is ours: the overlay and author mode). */
const NOT_SHOWN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'datalist',
  'zhiyin-overlay',
  'zhiyin-author',
]);

/**
 * Elements laid out inline by default: their text continues the text around them, so a number
 * split by search highlighting (`110101<em>1990</em>03074514`) reads as one number. Tag names
 * rather than computed styles: computed styles on every element of a 200-row table cost more than
 * the whole search, and joining too much only covers a little more, never less.
 */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'rb',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'slot',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Input types whose value is not typed text (nothing personal is shown in them as text). */
const NON_TEXT_INPUTS = new Set([
  'hidden',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'range',
  'color',
]);

/** Text of one text node as it reads on screen, with where each character came from. */
interface Piece {
  node: Text;
  /** Index in the document's joined text of this piece's first character. */
  start: number;
  /** Offset in `node` of each character of the piece. */
  offsets: number[];
  /** The block (run of inline text) it belongs to: a range never spans two. */
  run: number;
  /**
   * The document or shadow root holding `node`: a range cannot span two (slotted light-DOM text
   * reads on with the shadow tree's text around it, but needs its own range).
   */
  root: Node;
}

const WHITESPACE = /\s/;

/**
 * Joins the text a person reads into blocks: text nodes separated only by inline elements are
 * one block; any other element, a `<br>`, a form field or a shadow root boundary ends a block.
 * Whitespace is collapsed as the page shows it. Blocks are joined with a newline into one text
 * per document, so the detector runs once per document, not once per node.
 */
class TextJoiner {
  text = '';
  readonly pieces: Piece[] = [];
  private run = 0;
  private runText = '';
  private runPieces: Omit<Piece, 'start' | 'run' | 'root'>[] = [];
  private runPieceStarts: number[] = [];
  private lastWasSpace = true;

  add(node: Text) {
    const value = node.data;
    if (!value) return;
    const offsets: number[] = [];
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const ch = value.charAt(i);
      if (WHITESPACE.test(ch)) {
        if (this.lastWasSpace) continue;
        out += ' ';
        this.lastWasSpace = true;
      } else {
        out += ch;
        this.lastWasSpace = false;
      }
      offsets.push(i);
    }
    if (!out) return;
    this.runPieceStarts.push(this.runText.length);
    this.runPieces.push({ node, offsets });
    this.runText += out;
  }

  /** Ends the current block. */
  flush() {
    const runText = this.runText;
    if (runText.trim() && mightHoldPersonalData(runText)) {
      if (this.text) this.text += '\n';
      const base = this.text.length;
      this.runPieces.forEach((piece, index) => {
        this.pieces.push({
          ...piece,
          start: base + (this.runPieceStarts[index] ?? 0),
          run: this.run,
          root: piece.node.getRootNode(),
        });
      });
      this.text += runText;
      this.run += 1;
    }
    this.runText = '';
    this.runPieces = [];
    this.runPieceStarts = [];
    this.lastWasSpace = true;
  }

  /** The index of the piece holding joined-text index `at` (or the last one before it). */
  pieceAt(at: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.pieces[middle]?.start ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Ranges covering joined-text [start, end): one per block (and tree) it touches. */
  ranges(doc: Document, start: number, end: number): Range[] {
    const ranges: Range[] = [];
    let index = this.pieceAt(start);
    while (index < this.pieces.length) {
      const first = this.pieces[index];
      if (!first || first.start >= end) break;
      let last = first;
      while (index + 1 < this.pieces.length) {
        const next = this.pieces[index + 1];
        if (!next || next.run !== first.run || next.root !== first.root || next.start >= end) {
          break;
        }
        last = next;
        index += 1;
      }
      const from = Math.max(start - first.start, 0);
      const to = Math.min(end - last.start, last.offsets.length) - 1;
      const startOffset = first.offsets[Math.min(from, first.offsets.length - 1)];
      const endOffset = last.offsets[Math.max(to, 0)];
      if (startOffset !== undefined && endOffset !== undefined) {
        const range = doc.createRange();
        range.setStart(first.node, startOffset);
        range.setEnd(last.node, Math.min(endOffset + 1, last.node.length));
        if (!range.collapsed) ranges.push(range);
      }
      index += 1;
    }
    return ranges;
  }
}

/** Form-item labels of the component libraries (the label is not a `<label for>` there). */
const FORM_ITEM_LABELS = [
  { item: '.el-form-item', label: '.el-form-item__label' },
  { item: '.ant-form-item', label: '.ant-form-item-label' },
  { item: '.layui-form-item', label: '.layui-form-label' },
] as const;

/**
 * What names a field for a person, ending in `：` so the detector reads it as a cue before the
 * value: `aria-labelledby`, `aria-label`, its `<label>`s, a component library's form-item label,
 * else its placeholder (请输入身份证号). Empty when nothing names it.
 */
function fieldCue(element: Element): string {
  const doc = element.ownerDocument;
  const parts: string[] = [];
  for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean))
    parts.push(doc.getElementById(id)?.textContent ?? '');
  parts.push(element.getAttribute('aria-label') ?? '');
  const labels = (element as HTMLInputElement).labels;
  if (labels) for (const label of labels) parts.push(label.textContent ?? '');
  for (const { item, label } of FORM_ITEM_LABELS) {
    const text = element.closest(item)?.querySelector(label)?.textContent;
    if (text) parts.push(text);
  }
  let cue = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (!cue) cue = (element.getAttribute('placeholder') ?? '').trim();
  cue = cue.replace(/[*＊:：\s]+$/u, '').slice(-40);
  return cue ? `${cue}：` : '';
}

/** The text a form field shows, or null for fields that show none. */
function shownFieldValue(element: Element): string | null {
  const name = element.localName;
  if (name === 'textarea') return (element as HTMLTextAreaElement).value;
  if (name === 'select') {
    return [...(element as HTMLSelectElement).selectedOptions].map((o) => o.text).join(' ');
  }
  if (name === 'input') {
    const input = element as HTMLInputElement;
    return NON_TEXT_INPUTS.has(input.type) ? null : input.value;
  }
  return null;
}

/**
 * Everything in `doc` (its shadow roots included, its frames not) that a screenshot must cover:
 * password fields, fields and elements marked sensitive, form fields whose value holds personal
 * data, and each stretch of text that holds personal data as `findPersonalData` sees it, read the
 * way a person reads it (across inline elements, whitespace collapsed, full-width digits). Frames
 * are returned for the caller to enter. No layout is read here.
 */
export function findSensitiveTargets(doc: Document): {
  targets: SensitiveTarget[];
  frames: HTMLIFrameElement[];
} {
  const targets: SensitiveTarget[] = [];
  const frames: HTMLIFrameElement[] = [];
  const joiner = new TextJoiner();

  const visitChildren = (parent: ParentNode) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) visit(child);
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      joiner.add(node as Text);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = element.localName;
    if (NOT_SHOWN.has(name)) return;
    // Every selector above needs an attribute: most elements of a big table have none.
    if (element.hasAttributes() && element.matches(SENSITIVE_SELECTOR)) {
      joiner.flush();
      targets.push({
        kind: element.matches('input[type="password"]') ? 'password' : 'sensitive',
        cover: element,
      });
      return;
    }
    // Not rendered at all (the `hidden` attribute): nothing to cover, and its text must not be
    // read into the text around it.
    if (element.hasAttribute('hidden')) return;
    if (name === 'embed' || name === 'object') {
      // A PDF, a scanned form or a plugin: what it shows cannot be read, so it is covered whole.
      joiner.flush();
      targets.push({ kind: 'sensitive', cover: element });
      return;
    }
    if (name === 'iframe' || name === 'frame') {
      joiner.flush();
      frames.push(element as HTMLIFrameElement);
      return;
    }
    if (name === 'input' || name === 'textarea' || name === 'select') {
      joiner.flush();
      const value = shownFieldValue(element);
      // The field's label is the cue a person reads the value by (姓名 → 张伟, 身份证号 → a
      // mistyped number): it counts, it is not covered.
      if (value && findPersonalData(value, { context: fieldCue(element) }).length > 0) {
        targets.push({ kind: 'personal-data', cover: element });
      }
      return;
    }
    if (name === 'br') {
      joiner.flush();
      return;
    }
    if (name === 'slot') {
      // In a shadow tree a slot shows what is assigned to it, or its own fallback content.
      const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) for (const child of assigned) visit(child);
      else visitChildren(element);
      return;
    }
    const shadow = element.shadowRoot;
    if (shadow) {
      // What shows is the shadow tree (light children only through its slots). A range cannot
      // span a shadow boundary, so the boundary ends the block.
      joiner.flush();
      visitChildren(shadow);
      joiner.flush();
      return;
    }
    // Custom elements without a shadow root are inline by default, like unknown elements.
    const inline = INLINE.has(name) || name.includes('-');
    if (!inline) joiner.flush();
    visitChildren(element);
    if (!inline) joiner.flush();
  };

  if (doc.body) visit(doc.body);
  joiner.flush();
  if (joiner.text) {
    for (const span of findPersonalData(joiner.text)) {
      for (const range of joiner.ranges(doc, span.start, span.end)) {
        targets.push({ kind: 'personal-data', cover: range });
      }
    }
  }
  return { targets, frames };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Box, b: Box): Box | null {
  const box = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return box.right > box.left && box.bottom > box.top ? box : null;
}

/**
 * Everything that must not appear in a screenshot of the visible page ({@link findSensitiveTargets}),
 * as boxes in the top viewport's coordinates (CSS px): text gives one box per line it occupies,
 * so only the personal data is covered, not its whole paragraph. Same-origin frames are searched
 * and their boxes moved into the top viewport and clipped to the frame; a frame that cannot be
 * read (cross-origin) is covered whole. Only what is inside the viewport is returned.
 *
 * `offset` and `clip` are the frame's content box in the top viewport (for the recursion).
 */
export function findSensitiveRegions(
  doc: Document,
  offset = { x: 0, y: 0 },
  clip?: Box,
): MaskRegion[] {
  const view = doc.defaultView;
  if (!view) return [];
  const visible = intersect(
    {
      left: offset.x,
      top: offset.y,
      right: offset.x + view.innerWidth,
      bottom: offset.y + view.innerHeight,
    },
    clip ?? { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity },
  );
  if (!visible) return [];
  const regions: MaskRegion[] = [];
  const add = (rect: DOMRectReadOnly, kind: MaskRegion['kind']) => {
    if (rect.width <= 0 || rect.height <= 0) return;
    const box = intersect(
      {
        left: rect.left + offset.x,
        top: rect.top + offset.y,
        right: rect.right + offset.x,
        bottom: rect.bottom + offset.y,
      },
      visible,
    );
    if (!box) return;
    regions.push({
      x: box.left,
      y: box.top,
      width: box.right - box.left,
      height: box.bottom - box.top,
      kind,
    });
  };

  const { targets, frames } = findSensitiveTargets(doc);
  for (const { kind, cover } of targets) {
    // Duck-typed: ranges and elements of a frame come from that frame's realm (no instanceof).
    if ('startContainer' in cover) {
      for (const rect of mergeLineBoxes([...cover.getClientRects()])) add(rect, kind);
    } else add(cover.getBoundingClientRect(), kind);
  }
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    const rect = frame.getBoundingClientRect();
    if (!inner) {
      // A frame we cannot read (cross-origin) is covered whole: we cannot tell what it shows.
      add(rect, 'sensitive');
      continue;
    }
    const style = view.getComputedStyle(frame);
    const left = rect.left + frame.clientLeft + parseFloat(style.paddingLeft || '0');
    const top = rect.top + frame.clientTop + parseFloat(style.paddingTop || '0');
    const contentBox = {
      left: offset.x + left,
      top: offset.y + top,
      right:
        offset.x +
        left +
        frame.clientWidth -
        parseFloat(style.paddingLeft || '0') -
        parseFloat(style.paddingRight || '0'),
      bottom:
        offset.y +
        top +
        frame.clientHeight -
        parseFloat(style.paddingTop || '0') -
        parseFloat(style.paddingBottom || '0'),
    };
    const frameClip = intersect(contentBox, visible);
    if (!frameClip) continue;
    regions.push(
      ...findSensitiveRegions(inner, { x: contentBox.left, y: contentBox.top }, frameClip),
    );
  }
  return regions;
}

/**
 * A range's client rects hold one box per text node per line (and the boxes of elements wholly
 * inside it); boxes on the same line that touch become one, so a number split by `<em>` is one
 * cover, not three.
 */
function mergeLineBoxes(rects: DOMRectReadOnly[]): DOMRectReadOnly[] {
  const merged: DOMRect[] = [];
  for (const rect of rects) {
    if (rect.width <= 0 || rect.height <= 0) continue;
    const line = merged.find(
      (box) =>
        Math.abs(box.top - rect.top) < 2 &&
        Math.abs(box.bottom - rect.bottom) < 2 &&
        rect.left <= box.right + 1 &&
        rect.right >= box.left - 1,
    );
    if (!line) {
      merged.push(new DOMRect(rect.x, rect.y, rect.width, rect.height));
      continue;
    }
    const left = Math.min(line.left, rect.left);
    const top = Math.min(line.top, rect.top);
    line.width = Math.max(line.right, rect.right) - left;
    line.height = Math.max(line.bottom, rect.bottom) - top;
    line.x = left;
    line.y = top;
  }
  return merged;
}

/** The regions to cover and where the viewport was, measured now in the top window `win`. */
export function readSensitivePage(win: Window): SensitivePage {
  return {
    regions: findSensitiveRegions(win.document),
    viewport: {
      width: win.innerWidth,
      height: win.innerHeight,
      scrollX: win.scrollX,
      scrollY: win.scrollY,
      devicePixelRatio: win.devicePixelRatio,
    },
  };
}
