// @vitest-environment happy-dom
/**
 * Where the overlay host lives (issue 13, framesets): `<body>` on an ordinary page; on a frameset
 * page, whose `document.body` is the `<frameset>` (which renders nothing but frames), the root
 * `<html>`, where a host after the frameset is drawn over the frames (checked in Chromium by
 * tests/e2e/frameset.spec.ts). keepOnTop puts the host back there too.
 */
import { describe, expect, it } from 'vitest';
import { overlayHome } from '../../../lib/overlay/top-layer';

/** A document shaped like a frameset page: <html><head/><frameset><frame/></frameset></html>. */
function framesetDocument(): Document {
  const doc = document.implementation.createHTMLDocument('人事档案管理系统');
  const frameset = doc.createElement('frameset');
  frameset.append(doc.createElement('frame'));
  doc.body.replaceWith(frameset);
  // happy-dom's document.body finds only <body>; browsers return the <frameset> (HTML standard:
  // the first <body> or <frameset> child of <html>).
  Object.defineProperty(doc, 'body', { get: () => frameset });
  return doc;
}

describe('overlayHome', () => {
  it('is <body> on an ordinary page', () => {
    expect(overlayHome(document)).toBe(document.body);
  });

  it('is <html> on a frameset page, never the <frameset>', () => {
    const doc = framesetDocument();
    expect(doc.body?.localName).toBe('frameset');
    expect(overlayHome(doc)).toBe(doc.documentElement);
  });
});
