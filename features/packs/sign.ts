/**
 * Making a pack file (scripts/pack-sign.ts, tests): the payload signed over its canonical bytes
 * (./canonical.ts) with a private ECDSA P-256 key, in the envelope of ./format.ts.
 */
import { signedBytes } from './canonical';
import { keyIdOf, signBytes } from './crypto';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type PackEnvelope } from './format';

export async function signPack(
  payload: Record<string, unknown>,
  privateKey: CryptoKey,
  publicKey: CryptoKey,
): Promise<PackEnvelope> {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    payload,
    signature: {
      alg: 'ES256',
      keyId: await keyIdOf(publicKey),
      value: await signBytes(privateKey, signedBytes(payload)),
    },
  };
}

/** The public half of a private key (a JWK private key holds x and y). */
export async function publicKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const { kty, crv, x, y } = jwk;
  return crypto.subtle.importKey(
    'jwk',
    { kty, crv, x, y },
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['verify'],
  );
}
