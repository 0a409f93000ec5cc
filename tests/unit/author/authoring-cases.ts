/**
 * The authoring error cases: what a tour author sees for each kind of mistake: real broken tour files
 * (tests/fixtures/authoring/<case>/tours/…) loaded as the build and `npm run tours:check` load
 * them, with the exact text printed for each. Checked by tour-errors.test.ts; quoted verbatim by
 * docs/writing-tours.zh-CN.md (writing-guide.test.ts keeps the guide in step).
 */
import { join } from 'node:path';
import { loadTours } from '../../../features/tour/load';
import { VALIDATOR_IDS } from '../../../lib/validators';

export const AUTHORING_FIXTURES = join(import.meta.dirname, '../../fixtures/authoring');

/** Load one fixture case as the build does: its `tours/` folder, file names relative to the case. */
export function loadCase(name: string) {
  const cwd = join(AUTHORING_FIXTURES, name);
  return loadTours([join(cwd, 'tours')], { cwd, validatorIds: VALIDATOR_IDS });
}

export const CASES: [title: string, fixture: string, printed: string[]][] = [
  [
    'a target with two locator kinds names both kinds',
    'two-locator-kinds',
    [
      'tours/shebao-query/tour.yaml:9:13: steps[0].target: 一个定位器只能写一种定位方式，这里写了 role 和 css（几种写法互为备选时，请写成列表） / a locator takes one kind, found role and css (write alternatives as a list)',
    ],
  ],
  [
    'advance.until written as plain text says a locator was expected and what was found',
    'bad-until',
    [
      'tours/shebao-query/tour.yaml:11:34: steps[0].advance.until: 这里应写一个定位器（如 { label: 标题 }）或几个备选定位器的列表，实际是文字 "查询成功" / expected a locator such as { label: 标题 } or a list of alternative locators, found the text "查询成功"',
    ],
  ],
  [
    'a missing required field is placed on its parent step, not on line 1',
    'missing-required',
    ['tours/shebao-query/tour.yaml:8:5: steps[0].body: 缺少必填项 body / body is required'],
  ],
  [
    'an unknown key is placed on the key, with the key it was probably meant to be',
    'unknown-key',
    [
      'tours/shebao-query/tour.yaml:10:5: steps[0].tittle: 未知的键 tittle，是不是想写 title？ / unknown key "tittle", did you mean "title"?',
    ],
  ],
  [
    'a misspelt advance kind lists the kinds and suggests the nearest',
    'misspelt-advance',
    [
      'tours/shebao-query/tour.yaml:11:20: steps[0].advance.on: 未知的推进方式，可用：next, click, input, change, navigation, appear, disappear，是不是想写 "click"？ / unknown advance kind: use one of next, click, input, change, navigation, appear, disappear; did you mean "click"?',
    ],
  ],
  [
    'a duplicate step id names the step that used it first',
    'duplicate-step-id',
    [
      'tours/shebao-query/tour.yaml:12:9: steps[1].id: 步骤 id "id-number" 重复（steps[0] 已经用过） / duplicate step id "id-number" (first used by steps[0])',
    ],
  ],
  [
    'a tour id that is not its folder name names both',
    'id-folder-mismatch',
    [
      'tours/shebao-query/tour.yaml:1:5: id: 引导 id "shebao-chaxun" 必须与所在文件夹名 "shebao-query" 相同 / tour id "shebao-chaxun" must equal its folder name "shebao-query"',
    ],
  ],
  [
    'an unknown validator id lists the validators and suggests the nearest',
    'unknown-validator',
    [
      'tours/shebao-query/tour.yaml:11:38: steps[0].advance.validator: 没有名为 "idcard" 的校验器（可用：creditCode, idCard, landline, mobile, password, phone），是不是想写 "idCard"？ / unknown validator "idcard" (known: creditCode, idCard, landline, mobile, password, phone); did you mean "idCard"?',
    ],
  ],
  [
    'a translation for a misspelt step id suggests the step id, once',
    'unknown-step-text',
    [
      'tours/shebao-query/tour.yaml:16:7: i18n.en.steps.click-qeury: 没有 id 为 "click-qeury" 的步骤，是不是想写 "click-query"？ / no step with id "click-qeury"; did you mean "click-query"?',
    ],
  ],
  [
    'several errors in several files, schema errors and cross-checks alike, in one pass',
    'several-files',
    [
      'tours/shebao-query/tour.yaml:9:15: steps[0].target.lable: 未知的键 lable，是不是想写 label？ / unknown key "lable", did you mean "label"?',
      'tours/shebao-query/tour.yaml:11:38: steps[0].advance.validator: 没有名为 "idcard" 的校验器（可用：creditCode, idCard, landline, mobile, password, phone），是不是想写 "idCard"？ / unknown validator "idcard" (known: creditCode, idCard, landline, mobile, password, phone); did you mean "idCard"?',
      'tours/shebao-query/tour.yaml:12:9: steps[1].id: 步骤 id "id-number" 重复（steps[0] 已经用过） / duplicate step id "id-number" (first used by steps[0])',
      'tours/yiqing-register/tour.yaml:1:5: id: 引导 id "yiqing-registration" 必须与所在文件夹名 "yiqing-register" 相同 / tour id "yiqing-registration" must equal its folder name "yiqing-register"',
      'tours/yiqing-register/tour.yaml:4:9: module: module 只能是 认知、操作、规范、安全、进阶，是不是想写 "操作"？ / module must be one of 认知, 操作, 规范, 安全, 进阶; did you mean "操作"?',
      'tours/yiqing-register/tour.yaml:9:13: steps[0].target: 一个定位器只能写一种定位方式，这里写了 label 和 text（几种写法互为备选时，请写成列表） / a locator takes one kind, found label and text (write alternatives as a list)',
      'tours/yiqing-register/tour.yaml:16:22: steps[1].missing.wait: 时长应写成 "5s"、"500ms" 或 "1m" / a duration must look like "5s", "500ms" or "1m"',
    ],
  ],
];
