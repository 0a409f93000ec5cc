/**
 * Pack signatures (features/packs/crypto.ts, canonical.ts): known-answer vectors made with Node's
 * own crypto (an implementation independent of ours), P1363 and DER, tampering and wrong keys.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, signedBytes } from '../../../features/packs/canonical';
import {
  derToP1363,
  fromBase64,
  importPublicKey,
  keyIdOf,
  signBytes,
  verifyBytes,
} from '../../../features/packs/crypto';
import { OTHER_PUBLIC_SPKI, TEST_PUBLIC_SPKI, testKeys } from './fixtures';

/** The payload of the vectors, written with its keys out of order. */
const KAT_PAYLOAD = { zh: '指引', version: 3, tours: [], id: 'kat' };
/** Its canonical form: keys sorted by code units, no whitespace, UTF-8 text as it is. */
const KAT_CANONICAL = '{"id":"kat","tours":[],"version":3,"zh":"指引"}';
/**
 * Signatures over `zhiyin-content-pack/1\n` + KAT_CANONICAL by the test key, made with
 * `crypto.sign('sha256', bytes, { key, dsaEncoding })` in Node 20.
 */
const KAT_P1363 =
  '3JB1pQ_e1hOsXi_tiQ9iQHB_Orlhpu03SwmDQYW3Y-y-GsMIttkv9JkRJVSbGhq_7cOix9_8qhMmsDqZsajCXQ';
const KAT_DER =
  'MEQCIBItlf04VOFUhZzevbAup/Y5UdT+sUzjMXHoP9C4+/54AiB+kjmgF0N1W6MSUBINY1kCe717BoCxd86X1/Qr+f4p3Q==';

describe('canonical serialisation', () => {
  it('sorts keys, drops whitespace and keeps text as it is', () => {
    expect(canonicalJson(KAT_PAYLOAD)).toBe(KAT_CANONICAL);
    expect(canonicalJson({ b: [1, { d: null, c: true }], a: 'x"y' })).toBe(
      '{"a":"x\\"y","b":[1,{"c":true,"d":null}]}',
    );
  });

  it('refuses what is not JSON data', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/a: undefined is not JSON/);
    expect(() => canonicalJson({ n: [Number.NaN] })).toThrow(/n\[0\]: not a finite number/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/not a plain object/);
  });
});

describe('signatures', () => {
  it('verifies the known-answer P1363 signature made by another implementation', async () => {
    const { key } = await importPublicKey(TEST_PUBLIC_SPKI);
    expect(await verifyBytes(key, signedBytes(KAT_PAYLOAD), KAT_P1363)).toBe(true);
  });

  it('verifies the same payload signed in DER (OpenSSL form), converted to P1363', async () => {
    const { key } = await importPublicKey(TEST_PUBLIC_SPKI);
    expect(await verifyBytes(key, signedBytes(KAT_PAYLOAD), KAT_DER)).toBe(true);
    const der = fromBase64(KAT_DER);
    expect(der).not.toBeNull();
    expect(derToP1363(der as Uint8Array)?.length).toBe(64);
  });

  it('fails when one byte of the payload changes', async () => {
    const { key } = await importPublicKey(TEST_PUBLIC_SPKI);
    const tampered = signedBytes({ ...KAT_PAYLOAD, zh: '指弓' });
    expect(await verifyBytes(key, tampered, KAT_P1363)).toBe(false);
    const bytes = signedBytes(KAT_PAYLOAD);
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 1;
    expect(await verifyBytes(key, bytes, KAT_P1363)).toBe(false);
  });

  it('fails when one byte of the signature changes, and on malformed signatures', async () => {
    const { key } = await importPublicKey(TEST_PUBLIC_SPKI);
    const signature = fromBase64(KAT_P1363) as Uint8Array;
    signature[10] = (signature[10] ?? 0) ^ 0x40;
    const bytes = signedBytes(KAT_PAYLOAD);
    const b64url = Buffer.from(signature).toString('base64url');
    expect(await verifyBytes(key, bytes, b64url)).toBe(false);
    expect(await verifyBytes(key, bytes, KAT_P1363.slice(0, -4))).toBe(false);
    expect(await verifyBytes(key, bytes, 'not base64!')).toBe(false);
    // DER with trailing garbage is not DER.
    const der = fromBase64(KAT_DER) as Uint8Array;
    expect(derToP1363(new Uint8Array([...der, 0]))).toBeNull();
  });

  it('fails with another key', async () => {
    const { key } = await importPublicKey(OTHER_PUBLIC_SPKI);
    expect(await verifyBytes(key, signedBytes(KAT_PAYLOAD), KAT_P1363)).toBe(false);
  });

  it('round-trips with WebCrypto and names the key by its SPKI digest', async () => {
    const { privateKey, publicKey } = await testKeys();
    const bytes = signedBytes({ id: 'x', version: 1 });
    const signature = await signBytes(privateKey, bytes);
    expect(await verifyBytes(publicKey, bytes, signature)).toBe(true);
    const imported = await importPublicKey(TEST_PUBLIC_SPKI);
    expect(await keyIdOf(publicKey)).toBe(imported.keyId);
    expect(imported.keyId).toMatch(/^[0-9a-f]{16}$/);
    const jwk = await crypto.subtle.exportKey('jwk', publicKey);
    expect((await importPublicKey(jwk)).keyId).toBe(imported.keyId);
  });

  it('refuses a key that is not P-256, in both languages', async () => {
    await expect(importPublicKey('AAAA')).rejects.toThrow(/公钥无效.*invalid public key/);
    await expect(importPublicKey({ kty: 'RSA' })).rejects.toThrow(/公钥无效/);
  });
});
