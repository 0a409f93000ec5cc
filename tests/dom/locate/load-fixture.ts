import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '../../fixtures/html');

/** Put a saved fixture page's body into the test document (happy-dom), replacing what was there. */
export function loadFixture(name: string, doc: Document = document): void {
  const html = readFileSync(join(fixtures, name), 'utf8');
  const body = /<body>([\s\S]*)<\/body>/u.exec(html)?.[1];
  if (body === undefined) throw new Error(`${name} has no <body>`);
  doc.body.innerHTML = body;
}
