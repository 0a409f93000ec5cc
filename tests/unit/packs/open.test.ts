/**
 * Opening a received pack (features/packs/open.ts): every refusal an administrator can meet,
 * with the reason and, for content, the path inside the pack.
 */
import { describe, expect, it } from 'vitest';
import { importPublicKey, type PublicPackKey } from '../../../features/packs/crypto';
import { openPack } from '../../../features/packs/open';
import { signPack } from '../../../features/packs/sign';
import { OTHER_PUBLIC_SPKI, TEST_PUBLIC_SPKI, packTour, payload, testKeys } from './fixtures';

const VALIDATORS = ['idCard', 'creditCode'];

async function setup() {
  const { privateKey, publicKey } = await testKeys();
  const keys: PublicPackKey[] = [await importPublicKey(TEST_PUBLIC_SPKI)];
  const sign = async (body: Record<string, unknown>) =>
    JSON.stringify(await signPack(body, privateKey, publicKey));
  const open = (text: string, last?: { version: number; signature: string }) =>
    openPack(text, { keys, bundledTours: [], validatorIds: VALIDATORS, last: last ?? null });
  return { sign, open, keys };
}

describe('openPack', () => {
  it('accepts a signed, valid pack and gives its tours', async () => {
    const { sign, open } = await setup();
    const result = await open(await sign(payload(1)));
    expect(result.status).toBe('valid');
    if (result.status !== 'valid') return;
    expect(result.content.tours.map((tour) => tour.id)).toEqual(['pack-demo']);
    expect(result.content.version).toBe(1);
  });

  it('refuses a pack changed after signing (one character of a step title)', async () => {
    const { sign, open } = await setup();
    const text = (await sign(payload(1))).replace('第一步', '第1步');
    const result = await open(text);
    expect(result).toMatchObject({ status: 'refused', refusal: { kind: 'signature' } });
    if (result.status === 'refused')
      expect(result.refusal.message).toMatch(/签名校验失败.*signature check failed/);
  });

  it('refuses a pack signed with a key the policy does not name', async () => {
    const { sign } = await setup();
    const other = [await importPublicKey(OTHER_PUBLIC_SPKI)];
    const result = await openPack(await sign(payload(1)), { keys: other, bundledTours: [] });
    expect(result).toMatchObject({ status: 'refused', refusal: { kind: 'signature' } });
    if (result.status === 'refused')
      expect(result.refusal.message).toMatch(/不在管理员配置的公钥中/);
  });

  it('refuses a pack whose key id is forged to a configured key', async () => {
    const { sign, keys } = await setup();
    const { privateKey } = await crypto.subtle.generateKey(
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['sign', 'verify'],
    );
    const { publicKey } = await testKeys();
    const forged = await signPack(payload(1), privateKey, publicKey);
    const result = await openPack(JSON.stringify(forged), { keys, bundledTours: [] });
    expect(result).toMatchObject({ status: 'refused', refusal: { kind: 'signature' } });
    void sign;
  });

  it('refuses an older version (rollback) and the same version with other content', async () => {
    const { sign, open } = await setup();
    const v2 = await open(await sign(payload(2)));
    expect(v2.status).toBe('valid');
    if (v2.status !== 'valid') return;
    const last = { version: 2, signature: v2.signature };
    const older = await open(await sign(payload(1)), last);
    expect(older).toMatchObject({ status: 'refused', refusal: { kind: 'rollback', version: 1 } });
    if (older.status === 'refused')
      expect(older.refusal.message).toMatch(/版本回退被拒绝.*rollback refused/);
    const sameVersion = await open(
      await sign(payload(2, [packTour('pack-demo', '改了标题')])),
      last,
    );
    expect(sameVersion).toMatchObject({ status: 'refused', refusal: { kind: 'rollback' } });
    // The very same pack fetched again: nothing to do.
    const again = await open(await sign(payload(2)), last);
    // ECDSA signatures are randomised: a re-signed pack is "other content" of the same version.
    expect(again.status).toBe('refused');
    const newer = await open(await sign(payload(3)), last);
    expect(newer.status).toBe('valid');
  });

  it('reports content errors with their path inside the pack', async () => {
    const { sign, open } = await setup();
    const broken = packTour('pack-demo');
    (broken.steps[1] as Record<string, unknown>).target = { lable: '标题' };
    const result = await open(await sign(payload(1, [packTour('fine-tour'), broken])));
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.refusal.kind).toBe('content');
    const paths = result.refusal.errors?.map((error) => error.path);
    expect(paths).toContain('tours[1].steps[1].target.lable');
    const unknownKey = result.refusal.errors?.find(
      (e) => e.path === 'tours[1].steps[1].target.lable',
    );
    expect(unknownKey?.message).toMatch(/label/);
  });

  it('names unknown validators, duplicate ids and links to missing tours', async () => {
    const { sign, open } = await setup();
    const tour = packTour('pack-demo');
    (tour.steps[1] as Record<string, unknown>).advance = { on: 'input', validator: 'passport' };
    const body = {
      ...payload(1, [tour, packTour('pack-demo')]),
      help: [
        {
          id: 'faq-one',
          title: '常见问题',
          module: '操作',
          body: '正文',
          tours: ['no-such-tour'],
        },
      ],
    };
    const result = await open(await sign(body));
    if (result.status !== 'refused') throw new Error('expected a refusal');
    const byPath = Object.fromEntries(
      (result.refusal.errors ?? []).map((e) => [e.path, e.message]),
    );
    expect(byPath['tours[1].id']).toMatch(/重复.*duplicate tour id "pack-demo"/);
    expect(byPath['tours[0].steps[1].advance.validator']).toMatch(/passport/);
    expect(byPath['help[0].tours[0]']).toMatch(/no-such-tour/);
  });

  it('refuses a pack over the size limit, bad JSON and a wrong format', async () => {
    const { open } = await setup();
    expect(await open('x'.repeat(5_000_001))).toMatchObject({ refusal: { kind: 'size' } });
    expect(await open('{"format":')).toMatchObject({ refusal: { kind: 'json' } });
    const wrong = await open(JSON.stringify({ format: 'zhiyin-content-pack', formatVersion: 9 }));
    expect(wrong).toMatchObject({ refusal: { kind: 'format' } });
    if (wrong.status === 'refused') {
      expect(wrong.refusal.errors?.map((e) => e.path)).toEqual(
        expect.arrayContaining(['formatVersion', 'payload', 'signature']),
      );
    }
  });

  it('holds every item to the content limits (a 101-step tour)', async () => {
    const { sign, open } = await setup();
    const tour = packTour('long-tour');
    tour.steps = Array.from({ length: 101 }, (_, i) => ({
      id: `s${i}`,
      title: 't',
      body: 'b',
      advance: { on: 'next' },
    })) as typeof tour.steps;
    const result = await open(await sign(payload(1, [tour])));
    expect(result).toMatchObject({
      refusal: {
        kind: 'content',
        errors: [{ path: 'tours[0].steps', message: expect.stringMatching(/101 items/) }],
      },
    });
  });

  it('refuses retiring a tour the pack itself brings, and validates renames', async () => {
    const { sign, open } = await setup();
    const body = { ...payload(1), retire: ['pack-demo'], renames: { 'old-demo': 'missing-tour' } };
    const result = await open(await sign(body));
    if (result.status !== 'refused') throw new Error('expected a refusal');
    const paths = result.refusal.errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['retire[0]', 'renames.old-demo']));
  });
});
