/**
 * Pack signatures: ECDSA over P-256 with SHA-256 (WebCrypto `crypto.subtle`, the same in the
 * extension and in Node 20's scripts), over the bytes of ./canonical.ts `signedBytes`.
 *
 * Signature encoding: WebCrypto signs and verifies the IEEE P1363 form, `r || s`, 64 bytes for
 * P-256; `npm run pack:sign` writes that, base64url. OpenSSL and most HSMs write ASN.1 DER
 * (`SEQUENCE { INTEGER r, INTEGER s }`, 70–72 bytes): a signature that parses as DER is converted
 * to P1363 before verifying, so a pack signed with `openssl dgst -sha256 -sign` verifies too.
 * Anything else (another length, trailing bytes, an r or s wider than 32 bytes) fails.
 *
 * Public keys: base64 (or PEM) SubjectPublicKeyInfo, or a JWK `{ kty: 'EC', crv: 'P-256', x, y }`.
 * A key's id is the first 8 bytes of SHA-256 over its SPKI, in hex: the pack names the key it was
 * signed with, so a rotation (two keys in the policy) needs no trial and error.
 */
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const COORDINATE_BYTES = 32;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

/** Base64 or base64url, padding optional, whitespace ignored; null when it is neither. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/\s+/gu, '').replace(/-/gu, '+').replace(/_/gu, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(clean) || clean.length % 4 === 1) return null;
  try {
    const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * An ASN.1 DER ECDSA signature as P1363 `r || s` (64 bytes), or null when `der` is not exactly
 * one well-formed `SEQUENCE { INTEGER, INTEGER }` with values that fit P-256.
 */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  let offset = 0;
  const readLength = (): number | null => {
    const first = der[offset++];
    if (first === undefined) return null;
    if (first < 0x80) return first;
    if (first !== 0x81) return null; // P-256 signatures are under 256 bytes
    const length = der[offset++];
    return length !== undefined && length >= 0x80 ? length : null;
  };
  if (der[offset++] !== 0x30) return null;
  const total = readLength();
  if (total === null || offset + total !== der.length) return null;
  const out = new Uint8Array(COORDINATE_BYTES * 2);
  for (let part = 0; part < 2; part++) {
    if (der[offset++] !== 0x02) return null;
    const length = readLength();
    if (length === null || length === 0 || offset + length > der.length) return null;
    let value = der.subarray(offset, offset + length);
    offset += length;
    // A leading zero only keeps a high bit from reading as a sign.
    if (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > COORDINATE_BYTES) return null;
    out.set(value, part * COORDINATE_BYTES + COORDINATE_BYTES - value.length);
  }
  return offset === der.length ? out : null;
}

/** The signature bytes as WebCrypto verifies them (P1363), from P1363 or DER; null otherwise. */
export function normaliseSignature(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (bytes.length === COORDINATE_BYTES * 2) return new Uint8Array(bytes);
  if (bytes[0] === 0x30) return derToP1363(bytes);
  return null;
}

export interface PublicPackKey {
  key: CryptoKey;
  /** First 8 bytes of SHA-256 over the SPKI, hex. */
  keyId: string;
}

export async function keyIdOf(key: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return hex(digest.subarray(0, 8));
}

/** A public key from base64/PEM SPKI or a P-256 JWK; throws a bilingual message when it is not one. */
export async function importPublicKey(input: unknown): Promise<PublicPackKey> {
  let key: CryptoKey;
  try {
    if (typeof input === 'string') {
      const body = input.replace(/-----(BEGIN|END) PUBLIC KEY-----/gu, '');
      const spki = fromBase64(body);
      if (!spki) throw new Error('not base64');
      key = await crypto.subtle.importKey('spki', spki, ALGORITHM, true, ['verify']);
    } else if (input !== null && typeof input === 'object') {
      const { kty, crv, x, y } = input as Record<string, unknown>;
      if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') {
        throw new Error('not a P-256 JWK');
      }
      key = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, ALGORITHM, true, ['verify']);
    } else {
      throw new Error('not a key');
    }
  } catch (error) {
    throw new Error(
      `公钥无效：应为 P-256 公钥（base64 SPKI 或 JWK） / invalid public key: expected a P-256 key as base64 SPKI or JWK (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return { key, keyId: await keyIdOf(key) };
}

/** Signs a payload (canonical bytes) with a private ECDSA P-256 key: P1363, base64url. */
export async function signBytes(
  privateKey: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, bytes));
  return toBase64Url(signature);
}

/** Whether `signature` (base64/base64url, P1363 or DER) is `key`'s over `bytes`. Never throws. */
export async function verifyBytes(
  key: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  const raw = fromBase64(signature);
  const p1363 = raw ? normaliseSignature(raw) : null;
  if (!p1363) return false;
  try {
    return await crypto.subtle.verify(SIGN, key, p1363, bytes);
  } catch {
    return false;
  }
}

/** A new signing key pair (the scripts' `pack:keygen`). */
export async function generatePackKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

/** A private key from a JWK (what pack:keygen writes) or PKCS8 PEM/base64. */
export async function importPrivateKey(input: string): Promise<CryptoKey> {
  const text = input.trim();
  if (text.startsWith('{')) {
    const jwk = JSON.parse(text) as JsonWebKey;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
      throw new Error('私钥应为 P-256 JWK / the private key must be a P-256 JWK');
    }
    return crypto.subtle.importKey('jwk', jwk, ALGORITHM, true, ['sign']);
  }
  const body = text.replace(/-----(BEGIN|END) PRIVATE KEY-----/gu, '');
  const pkcs8 = fromBase64(body);
  if (!pkcs8)
    throw new Error('私钥应为 JWK 或 PKCS8 PEM / the private key must be a JWK or PKCS8 PEM');
  return crypto.subtle.importKey('pkcs8', pkcs8, ALGORITHM, true, ['sign']);
}

/** Base64 SPKI of a public key: what the policy's `publicKeys` takes. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', key)));
}
