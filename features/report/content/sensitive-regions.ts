import { scrubPersonalData } from '../../../lib/privacy/personal-data';

/** A box to cover before a screenshot, in the top window's viewport (CSS px). */
export interface MaskRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Why it is covered: shown on the mask so the reader of the screenshot knows. */
  kind: 'password' | 'sensitive' | 'personal-data';
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

const SKIP_TEXT_IN = new Set(['script', 'style', 'noscript', 'template', 'zhiyin-overlay']);

/**
 * Everything that must not appear in a screenshot of the visible page: password fields, fields
 * marked sensitive, and form values or text that contain personal data (ID card numbers, phone
 * numbers… as detected by lib/privacy/personal-data.ts). Same-origin iframes are searched too; boxes are
 * returned in the top viewport's coordinates. Only what is inside the viewport is returned.
 */
export function findSensitiveRegions(doc: Document, offset = { x: 0, y: 0 }): MaskRegion[] {
  const view = doc.defaultView;
  if (!view) return [];
  const regions: MaskRegion[] = [];
  const add = (rect: DOMRect, kind: MaskRegion['kind']) => {
    if (rect.width === 0 || rect.height === 0) return;
    if (
      rect.bottom < 0 ||
      rect.right < 0 ||
      rect.top > view.innerHeight ||
      rect.left > view.innerWidth
    )
      return;
    regions.push({
      x: rect.x + offset.x,
      y: rect.y + offset.y,
      width: rect.width,
      height: rect.height,
      kind,
    });
  };

  for (const element of doc.querySelectorAll(SENSITIVE_SELECTOR)) {
    add(
      element.getBoundingClientRect(),
      element.matches('input[type="password"]') ? 'password' : 'sensitive',
    );
  }
  for (const field of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input, textarea',
  )) {
    if (field.matches(SENSITIVE_SELECTOR)) continue;
    if (field.value && scrubPersonalData(field.value).total > 0)
      add(field.getBoundingClientRect(), 'personal-data');
  }
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        const parent = node.parentElement;
        if (!parent || SKIP_TEXT_IN.has(parent.localName)) return NodeFilter.FILTER_REJECT;
        return /\d{6}/.test(node.nodeValue ?? '')
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (scrubPersonalData(node.nodeValue ?? '').total === 0) continue;
      const range = doc.createRange();
      range.selectNodeContents(node);
      add(range.getBoundingClientRect(), 'personal-data');
    }
  }
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
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
    regions.push(
      ...findSensitiveRegions(inner, {
        x: offset.x + rect.x + frame.clientLeft + parseFloat(style.paddingLeft || '0'),
        y: offset.y + rect.y + frame.clientTop + parseFloat(style.paddingTop || '0'),
      }),
    );
  }
  return regions;
}
