/** A fixed signing key (test only, never used elsewhere) and a small valid pack payload. */
export const TEST_PRIVATE_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'nuJNUuKdgIMr82cgeRLatBgClzFJFdI82_WsgOkb2Z0',
  y: 'QiUrnoNO9Q9K1AEkZ_G-RNH3lONYGQ3w_1KngU4Pc48',
  d: 'Cywv7dyevP7VZEHS1H4OeFZ8Q_mmpGl91BJEqHX0mMA',
} as const;

/** The public half, base64 SPKI (as `openssl ec -pubout -outform DER | base64` prints it). */
export const TEST_PUBLIC_SPKI =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEnuJNUuKdgIMr82cgeRLatBgClzFJFdI82/WsgOkb2Z1CJSueg071D0rUASRn8b5E0feU41gZDfD/UqeBTg9zjw==';

/** Another key: a pack signed by TEST_PRIVATE_JWK must not verify with it. */
export const OTHER_PUBLIC_SPKI =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEgws79jJgeQ92AfJEClhpjmn3HuwB0MGiWU4CYPM6lul+uxwCmLrCXK9yZy1yVxF1xymP3QQFpV+63uziqAMqfQ==';

export async function testKeys(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    { ...TEST_PRIVATE_JWK },
    algorithm,
    true,
    ['sign'],
  );
  const { d: _d, ...pub } = TEST_PRIVATE_JWK;
  const publicKey = await crypto.subtle.importKey('jwk', pub, algorithm, true, ['verify']);
  return { privateKey, publicKey };
}

export function packTour(id: string, title = '内容包演示') {
  return {
    id,
    title,
    summary: '一次演示。',
    module: '操作',
    audience: ['业务操作人员'],
    applies: { url: '/index.html#/*' },
    steps: [
      { id: 'hello', title: '第一步', body: '你好', advance: { on: 'next' } },
      {
        id: 'bye',
        title: '第二步',
        body: '再见',
        target: { label: '标题' },
        advance: { on: 'click' },
      },
    ],
  };
}

export function payload(version: number, tours: unknown[] = [packTour('pack-demo')]) {
  return { id: 'test-pack', version, tours };
}
