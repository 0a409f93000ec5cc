import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftToTour, type DraftStep, type TourDraft } from '../../../features/author/draft';
import {
  buildPayload,
  nextVersion,
  packFileName,
  packIdProblem,
  publishPack,
  versionProblem,
  type PublishRequest,
} from '../../../features/editor/publish';
import {
  lastPackId,
  lastVersionOf,
  readPublished,
  recordPublished,
} from '../../../features/editor/published';
import { importPublicKey } from '../../../features/packs/crypto';
import { openPack } from '../../../features/packs/open';
import type { PacksStatus } from '../../../features/packs/protocol';
import { OTHER_PUBLIC_SPKI, TEST_PRIVATE_JWK, TEST_PUBLIC_SPKI } from '../packs/fixtures';

const step = (id: string, body = `${id} 的说明`): DraftStep => ({
  key: id,
  id,
  proposals: [],
  selected: 0,
  advance: 'next',
  title: `步骤 ${id}`,
  body,
});
const draft = (tourId: string, steps = [step('a'), step('b')]): TourDraft => ({
  id: `draft-${tourId}`,
  tourId,
  title: `引导 ${tourId}`,
  summary: '录制的引导。',
  module: '操作',
  audience: ['业务操作人员'],
  urls: ['/index.html#/docs'],
  steps,
  createdAt: 1,
  updatedAt: 1,
});
const request = (over: Partial<PublishRequest> = {}): PublishRequest => ({
  packId: 'xunlian-gongwen',
  version: 3,
  drafts: [draft('luzhi-one')],
  lastVersion: 2,
  now: new Date('2026-12-07T08:00:00Z'),
  ...over,
});
const KEY_TEXT = JSON.stringify(TEST_PRIVATE_JWK);

describe('publish: versions, ids, file names', () => {
  it('suggests the next version and refuses one not above the last published', () => {
    expect(nextVersion(null)).toBe(1);
    expect(nextVersion(7)).toBe(8);
    expect(versionProblem(1, null)).toBeNull();
    expect(versionProblem(8, 7)).toBeNull();
    expect(versionProblem(7, 7)).toContain('版本号须大于上次发布的第 7 版');
    expect(versionProblem(3, 7)).toContain('rollback');
    expect(versionProblem(0, null)).toContain('正整数');
    expect(versionProblem(1.5, null)).toContain('正整数');
  });
  it('checks the pack id and names the file by pack and version', () => {
    expect(packIdProblem('xunlian-gongwen')).toBeNull();
    expect(packIdProblem('')).toContain('请填写');
    expect(packIdProblem('培训 包')).toContain('kebab-case');
    expect(packFileName('xunlian-gongwen', 4)).toBe('zhiyin-pack-xunlian-gongwen-v4.json');
  });
});

describe('publish: the payload', () => {
  it('holds each draft as the tour file the build reads', () => {
    const built = buildPayload(request({ drafts: [draft('luzhi-one'), draft('luzhi-two')] }));
    expect(built.issues).toEqual([]);
    expect(built.payload).toEqual({
      id: 'xunlian-gongwen',
      version: 3,
      createdAt: '2026-12-07T08:00:00.000Z',
      tours: [draftToTour(draft('luzhi-one')), draftToTour(draft('luzhi-two'))],
      help: [],
      rules: [],
      quizzes: [],
      retire: [],
      renames: {},
    });
  });
  it('names every problem of the drafts and the pack, with paths, and builds nothing', () => {
    const broken = draft('luzhi-one', [step('a'), step('b', '')]);
    const built = buildPayload(
      request({ packId: 'Bad Id', version: 2, drafts: [broken, draft('luzhi-one')] }),
    );
    expect(built.payload).toBeNull();
    const lines = built.issues.map((issue) => `${issue.where}|${issue.path}|${issue.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^内容包 \/ pack\|id\|.*kebab-case/u),
        expect.stringMatching(/^内容包 \/ pack\|version\|.*第 2 版/u),
        expect.stringMatching(/^引导 luzhi-one\|steps\[1\]\.body\|/u),
        expect.stringMatching(/^引导 luzhi-one\|id\|引导 id "luzhi-one" 与草稿/u),
      ]),
    );
  });
  it('refuses an empty selection', () => {
    expect(buildPayload(request({ drafts: [] })).issues[0]?.message).toContain('至少选择一份草稿');
  });
});

describe('publish: signing', () => {
  it('signs a pack a learner with the public key accepts, and only that key', async () => {
    const result = await publishPack(request(), KEY_TEXT);
    expect(result.issues).toEqual([]);
    const pack = result.pack;
    if (!pack) throw new Error('not published');
    expect(pack.fileName).toBe('zhiyin-pack-xunlian-gongwen-v3.json');
    expect(pack.publicKey).toBe(TEST_PUBLIC_SPKI);
    expect(pack.tourIds).toEqual(['luzhi-one']);
    expect(pack.text).not.toContain(TEST_PRIVATE_JWK.d);
    const learnerKey = await importPublicKey(TEST_PUBLIC_SPKI);
    expect(pack.keyId).toBe(learnerKey.keyId);
    const opened = await openPack(pack.text, { keys: [learnerKey], bundledTours: [], last: null });
    expect(opened.status).toBe('valid');
    if (opened.status === 'valid') {
      expect(opened.content.version).toBe(3);
      expect(opened.content.tours[0]?.steps.map((s) => s.id)).toEqual(['a', 'b']);
    }
    const other = await openPack(pack.text, {
      keys: [await importPublicKey(OTHER_PUBLIC_SPKI)],
      bundledTours: [],
      last: null,
    });
    expect(other.status).toBe('refused');
    // One byte changed after signing: refused by its signature.
    const tampered = pack.text.replace('"version":3', '"version":4');
    expect(tampered).not.toBe(pack.text);
    const refused = await openPack(tampered, { keys: [learnerKey], bundledTours: [], last: null });
    expect(refused.status === 'refused' && refused.refusal.kind).toBe('signature');
  });
  it('does not sign without a usable private key, or with a draft the build refuses', async () => {
    expect((await publishPack(request(), '')).issues[0]?.message).toContain('请选择私钥文件');
    expect((await publishPack(request(), TEST_PUBLIC_SPKI)).issues[0]?.message).toContain(
      '无法读取私钥',
    );
    const publicJwk = JSON.stringify({ ...TEST_PRIVATE_JWK, d: undefined });
    expect((await publishPack(request(), publicJwk)).pack).toBeNull();
    const broken = await publishPack(
      request({ drafts: [draft('luzhi-one', [step('a', '')])] }),
      KEY_TEXT,
    );
    expect(broken.pack).toBeNull();
    expect(broken.issues.map((issue) => issue.path)).toContain('steps[0].body');
  });
});

describe('published versions', () => {
  beforeEach(() => fakeBrowser.reset());
  const status = (packId: string, version: number): PacksStatus => ({
    policyProblem: null,
    configured: true,
    sources: [
      {
        source: 'https://xxzx.example.gov.cn/pack.json',
        kind: 'url',
        packId,
        version,
        appliedAt: 5,
        tours: [],
        counts: null,
        lastCheckedAt: null,
        lastResult: 'applied',
        lastProblem: null,
        reportedAt: null,
        nextAttemptAt: null,
      },
    ],
  });

  it('remembers the last version published per pack id, without any key', async () => {
    expect(await readPublished()).toEqual({});
    await recordPublished('xunlian-gongwen', { version: 2, keyId: 'abcd', tourIds: ['t'] });
    await recordPublished('other-pack', { version: 9, keyId: 'abcd', tourIds: ['u'] });
    await recordPublished('xunlian-gongwen', { version: 3, keyId: 'abcd', tourIds: ['t'] });
    const published = await readPublished();
    expect(published['xunlian-gongwen']?.version).toBe(3);
    expect(lastVersionOf('xunlian-gongwen', published, null)).toMatchObject({
      version: 3,
      from: 'published',
    });
    expect(lastVersionOf('never', published, null)).toBeNull();
    expect(['xunlian-gongwen', 'other-pack']).toContain(lastPackId(published));
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(TEST_PRIVATE_JWK.d);
  });
  it('counts a newer version applied in this browser', () => {
    const published = {
      'xunlian-gongwen': { version: 3, publishedAt: 1, keyId: 'k', tourIds: [] },
    };
    expect(lastVersionOf('xunlian-gongwen', published, status('xunlian-gongwen', 5))).toEqual({
      version: 5,
      from: 'applied',
      at: 5,
    });
    expect(lastVersionOf('xunlian-gongwen', published, status('xunlian-gongwen', 2))?.version).toBe(
      3,
    );
    expect(lastVersionOf('fresh', {}, status('fresh', 4))?.version).toBe(4);
  });
});
