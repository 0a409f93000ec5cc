// @vitest-environment happy-dom
/**
 * A content pack's compliance rules reach the page (issue 14): the background merges them with
 * the bundled ones (features/packs/catalog.ts), the rules service hands the result to the page
 * (`content:rulesInForce`, here its handler called directly and the answer copied as a message
 * would be), and the running page swaps them in (`setRules`, after `bg:rulesChanged`) without a
 * reload: a pack's field guard fires, a bundled guard the pack replaced stops firing, a guard a
 * later version drops goes away.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyContent, mergeContent, replaceContentInPlace } from '../../../features/packs/catalog';
import { validatePackPayload, type PackContent } from '../../../features/packs/validate';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import { startRulesInPage, type RulesInPage } from '../../../features/rules/content/controller';
import type { GuardHint } from '../../../features/guards/content/guards';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { loadFixture } from '../locate/load-fixture';

const projectRoot = join(import.meta.dirname, '../../..');
const { rules: bundledRules } = loadProjectRules(projectRoot, tourDirs(projectRoot, {}));
const SIM = 'http://127.0.0.1:4173';

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

/** A pack carrying one rules file, checked with the build's schemas as the background does. */
function pack(version: number, guards: unknown[]): PackContent {
  const result = validatePackPayload(
    { id: 'xxzx-rules', version, rules: [{ guards }] },
    { bundledTours: [], validatorIds: VALIDATOR_IDS },
  );
  if (!result.content) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

/** The bundled attachment guard as a trainer rewrote it: plain-text drafts are allowed too. */
const TXT_ALLOWED = {
  id: 'attachment',
  pages: ['*#/docs/new*'],
  field: { label: '附件' },
  check: { kind: 'attachment', extensions: ['.pdf', '.doc', '.docx', '.txt'], maxSize: '10MB' },
  note: '内容包：草稿阶段可附 TXT 文本。',
};
/** A guard the build does not have: the 电话 of a new document must be a mobile number. */
const PHONE = {
  id: 'pack-doc-phone',
  pages: ['*#/docs/new*'],
  field: { label: '电话' },
  check: { kind: 'validator', validator: 'mobile' },
  note: '内容包：联系电话请填写手机号码。',
};

let controller: AbortController;
let hints: readonly GuardHint[];

/** The background: the content in force (bundled rules + packs) and the rules service on it. */
function background() {
  const content = copyContent({
    tours: [],
    help: [],
    rules: bundledRules,
    quizzes: [],
    checklists: {} as never,
  });
  const service = createRulesService({
    rules: content.rules,
    store: createMemoryRulesStore(),
    session: () => 's1',
    role: () => '业务操作人员',
  });
  return {
    service,
    apply(packs: PackContent[]) {
      replaceContentInPlace(
        content,
        mergeContent({ ...content, rules: bundledRules }, packs, (tour) => tour),
      );
    },
    /** `content:rulesInForce` as the page receives it: a copy, through a message. */
    ask: () => structuredClone(service.inForce()),
  };
}

function startPage(rules: ReturnType<ReturnType<typeof background>['ask']>['rules']): RulesInPage {
  controller = new AbortController();
  hints = [];
  return startRulesInPage(window, {
    rules,
    channel: {
      action: () => Promise.resolve([]),
      shown: () => Promise.resolve(),
      respond: () => Promise.resolve(),
    },
    view: { setTips: () => undefined, setHints: (next) => (hints = next) },
    signal: controller.signal,
    visibility: { layout: false },
  });
}

const hint = (guardId: string) => hints.find((candidate) => candidate.guardId === guardId);

function chooseFile(name: string) {
  const files = document.getElementById('doc_files') as HTMLInputElement;
  Object.defineProperty(files, 'files', {
    configurable: true,
    value: [{ name, size: 10, type: 'text/plain' }],
  });
  files.dispatchEvent(new Event('change', { bubbles: true }));
}

function typePhone(value: string) {
  const phone = document.getElementById('doc_contact_phone') as HTMLInputElement;
  phone.value = value;
  phone.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  setUrl(`${SIM}/index.html#/docs/new`);
  loadFixture('antd-form.html');
});
afterEach(() => controller.abort());

describe('a content pack’s field guards on a running page', () => {
  it('a pack’s new guard fires and the bundled guard it replaced stops firing, without a reload', async () => {
    const bg = background();
    const before = bg.ask();
    const inPage = startPage(before.rules);
    await flush();
    // The bundled attachment guard refuses a .txt file; nothing checks 电话.
    chooseFile('通知.txt');
    expect(hint('attachment')?.level).toBe('warning');
    typePhone('12345');
    expect(hint('pack-doc-phone')).toBeUndefined();

    // The pack is applied in the background; the page is told and asks again.
    bg.apply([pack(1, [TXT_ALLOWED, PHONE])]);
    const after = bg.ask();
    expect(after.revision).not.toBe(before.revision);
    inPage.setRules(after.rules);
    await flush();

    // The replaced guard no longer warns about the .txt already chosen, nor about a new one.
    expect(hint('attachment')?.level).not.toBe('warning');
    chooseFile('草稿.txt');
    expect(hint('attachment')?.level).not.toBe('warning');
    chooseFile('草稿.exe');
    expect(hint('attachment')?.level).toBe('warning');
    expect(hint('attachment')?.note).toBe('内容包：草稿阶段可附 TXT 文本。');

    // The pack's own guard checks 电话 like a bundled one.
    typePhone('12345');
    expect(hint('pack-doc-phone')?.level).toBe('warning');
    expect(hint('pack-doc-phone')?.note).toBe('内容包：联系电话请填写手机号码。');
    typePhone('13812345678');
    expect(hint('pack-doc-phone')?.level).not.toBe('warning');

    // Version 2 drops the phone guard and goes back to the bundled attachment rule.
    bg.apply([pack(2, [])]);
    inPage.setRules(bg.ask().rules);
    await flush();
    typePhone('12345');
    expect(hint('pack-doc-phone')).toBeUndefined();
    chooseFile('通知.txt');
    expect(hint('attachment')?.level).toBe('warning');
    expect(hint('attachment')?.note).toBe('公文附件支持 PDF、Word 格式，单个文件不超过 10 MB。');
  });

  it('a tour step’s guard follows a replacement while the step runs', async () => {
    const bg = background();
    setUrl(`${SIM}/index.html#/todo`);
    const inPage = startPage(bg.ask().rules);
    await flush();
    const step = new AbortController();
    expect(inPage.showGuard('attachment', step.signal)).toBe(true);
    await flush();
    chooseFile('通知.txt');
    expect(hint('attachment')?.level).toBe('warning');

    const { pages: _pages, ...stepOnly } = TXT_ALLOWED;
    bg.apply([pack(1, [stepOnly])]);
    inPage.setRules(bg.ask().rules);
    await flush();
    chooseFile('通知.txt');
    expect(hint('attachment')?.level).not.toBe('warning');
    expect(hint('attachment')).toBeDefined();

    step.abort();
    expect(hint('attachment')).toBeUndefined();
  });
});
