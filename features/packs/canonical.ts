/**
 * The canonical serialisation a pack's signature covers (docs/content-packs.zh-CN.md, "签名"):
 * JSON with object keys sorted by UTF-16 code units, no whitespace, strings and numbers written
 * as `JSON.stringify` writes them (the number form of ECMAScript, which RFC 8785 also uses).
 * Only JSON data is allowed: `undefined`, functions, non-finite numbers, and objects that are not
 * plain objects or arrays are refused (a signer and a verifier must never disagree about them).
 *
 * The bytes signed are UTF-8 of `PACK_SIGNING_PREFIX + canonicalJson(payload)`: the prefix keeps a
 * signature made for something else with the same key from passing as a pack's.
 */
export const PACK_SIGNING_PREFIX = 'zhiyin-content-pack/1\n';

export class NotCanonicalisable extends Error {
  override name = 'NotCanonicalisable';
}

export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (node === null) {
      parts.push('null');
      return;
    }
    switch (typeof node) {
      case 'string':
      case 'boolean':
        parts.push(JSON.stringify(node));
        return;
      case 'number':
        if (!Number.isFinite(node))
          throw new NotCanonicalisable(`${path || '(root)'}: not a finite number`);
        parts.push(JSON.stringify(node));
        return;
      case 'object':
        break;
      default:
        throw new NotCanonicalisable(`${path || '(root)'}: ${typeof node} is not JSON`);
    }
    if (Array.isArray(node)) {
      parts.push('[');
      node.forEach((item: unknown, index) => {
        if (index > 0) parts.push(',');
        visit(item, `${path}[${index}]`);
      });
      parts.push(']');
      return;
    }
    const proto = Object.getPrototypeOf(node) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new NotCanonicalisable(`${path || '(root)'}: not a plain object`);
    }
    const keys = Object.keys(node).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    parts.push('{');
    keys.forEach((key, index) => {
      const item = (node as Record<string, unknown>)[key];
      if (index > 0) parts.push(',');
      parts.push(JSON.stringify(key), ':');
      visit(item, path ? `${path}.${key}` : key);
    });
    parts.push('}');
  };
  visit(value, '');
  return parts.join('');
}

/** The exact bytes a pack's signature is over. */
export function signedBytes(payload: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(PACK_SIGNING_PREFIX + canonicalJson(payload));
}
