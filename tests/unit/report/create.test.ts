import { describe, expect, it } from 'vitest';
import {
  createReport,
  describeBrowser,
  recentFailedSteps,
  redactReportUrl,
  reportTourFrom,
} from '../../../features/report/create';
import { ProblemReportSchema, REPORT_CATEGORIES } from '../../../features/report/schema';
import type { RunnerState } from '../../../features/tour/runner';
import { START } from './helpers';

const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('createReport', () => {
  it('scrubs the description and title, redacts the URL, and fills in context', () => {
    const { report, scrubbed } = createReport(
      {
        category: 'attachment-upload-failed',
        description: '  给 13800138000 的群众上传附件失败，提示超过 10 MB  ',
      },
      {
        page: {
          url: 'https://oa.example.gov.cn/gongwen/new?draft=42&token=abc#/attach?file=身份证.pdf',
          title: '新建公文 - 张三 13912345678',
        },
        frame: { top: false, url: 'https://oa.example.gov.cn/legacy/form.html?sid=XYZ' },
        userAgent: CHROME_UA,
        extensionVersion: '0.3.1',
        locale: 'zh-CN',
        role: '业务操作人员',
        tour: {
          id: 'gongwen-new-document',
          title: '新建公文并提交审核',
          status: 'running',
          stepIndex: 1,
          stepId: 'attachment',
          stepTitle: '上传附件',
        },
        failedSteps: [],
      },
      { now: START, newId: () => '0b5c4c1e-8f5a-4d57-9a9e-2f1d3c4b5a69' },
    );
    expect(report).toMatchObject({
      schemaVersion: 1,
      id: '0b5c4c1e-8f5a-4d57-9a9e-2f1d3c4b5a69',
      createdAt: '2026-11-28T01:00:00.000Z',
      category: 'attachment-upload-failed',
      categoryLabel: '附件上传失败',
      description: '给 [手机号] 的群众上传附件失败，提示超过 10 MB',
      redactions: { mobile: 2 },
    });
    expect(scrubbed).toEqual({ mobile: 2 });
    expect(report.context.page).toEqual({
      url: 'https://oa.example.gov.cn/gongwen/new?draft=&token=#/attach?file=',
      title: '新建公文 - 张三 [手机号]',
    });
    expect(report.context.frame).toEqual({
      top: false,
      url: 'https://oa.example.gov.cn/legacy/form.html?sid=',
    });
    expect(report.context.browser).toEqual({
      name: 'Chrome',
      version: '156.0.0.0',
      userAgent: CHROME_UA,
    });
    expect(report.context.extension).toEqual({ version: '0.3.1' });
    expect(report.context.tour?.stepId).toBe('attachment');
    expect(ProblemReportSchema.parse(report)).toEqual(report);
  });

  it('makes a UUID per report', () => {
    const env = { userAgent: CHROME_UA, extensionVersion: '1.0.0' };
    const a = createReport({ category: 'other', description: 'a' }, env).report;
    const b = createReport({ category: 'other', description: 'a' }, env).report;
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.context).toMatchObject({ page: { url: null, title: null }, frame: null, tour: null });
  });

  it('rejects an unknown category and an over-long description', () => {
    const env = { userAgent: CHROME_UA, extensionVersion: '1.0.0' };
    expect(() => createReport({ category: 'nope' as 'other', description: 'x' }, env)).toThrow();
    expect(() => createReport({ category: 'other', description: 'x'.repeat(4001) }, env)).toThrow();
  });

  it('lists the seven categories of the issue, in order', () => {
    expect(REPORT_CATEGORIES.map((category) => category.label)).toEqual([
      '登录失败',
      '附件上传失败',
      '审核流程卡顿',
      '数据同步异常',
      '系统卡顿',
      '功能缺失/建议',
      '其他',
    ]);
  });
});

describe('redactReportUrl', () => {
  it('tolerates GBK and malformed escapes and still masks personal data in path segments', () => {
    expect(redactReportUrl('http://oa.example/files/%D5%C5%C8%FD.html')).toBe(
      'http://oa.example/files/%D5%C5%C8%FD.html',
    );
    expect(redactReportUrl('http://oa.example/%zz/11010519491231002X/%E4%B8/a')).toBe(
      'http://oa.example/%zz/*/%E4%B8/a',
    );
    expect(redactReportUrl('http://oa.example/#/p/%D5%C5%E5%BC%A0110101199003074514%C8/edit')).toBe(
      'http://oa.example/#/p/*/edit',
    );
  });

  it('drops query and fragment values (lib/privacy/url.ts) and masks token path segments', () => {
    expect(
      redactReportUrl(
        'https://oa.example.gov.cn/share/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz/view?x=1',
      ),
    ).toBe('https://oa.example.gov.cn/share/*/view?x=');
    expect(redactReportUrl('https://oa.example.gov.cn/#/people/110101199003074514/edit')).toBe(
      'https://oa.example.gov.cn/#/people/*/edit',
    );
    expect(redactReportUrl('https://oa.example.gov.cn/s/8fA3kLm9Qz2Xw7Rt5Yb1Nc4Vd6Hg0Jp')).toBe(
      'https://oa.example.gov.cn/s/*',
    );
  });

  it('keeps ordinary paths', () => {
    expect(redactReportUrl('https://oa.example.gov.cn/gongwen/list/2026')).toBe(
      'https://oa.example.gov.cn/gongwen/list/2026',
    );
    expect(redactReportUrl('not a url')).toBe('');
  });
});

describe('describeBrowser', () => {
  it.each([
    [CHROME_UA, undefined, 'Chrome', '156.0.0.0'],
    [
      `${CHROME_UA} Edg/156.0.3000.10`,
      [{ brand: 'Microsoft Edge', version: '156.0.3000.12' }],
      'Edge',
      '156.0.3000.12',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
      undefined,
      'Firefox',
      '140.0',
    ],
    [`${CHROME_UA} QQBrowser/13.5.6189.400`, undefined, 'QQ浏览器', '13.5.6189.400'],
    [`${CHROME_UA} SE 2.X MetaSr 1.0`, undefined, '搜狗浏览器', '1.0'],
    [`${CHROME_UA} QIHU 360SE`, undefined, '360', '156.0.0.0'],
    [CHROME_UA, [{ brand: 'Chromium', version: '156' }], 'Chromium', '156'],
    ['curl/8', undefined, '未知浏览器', null],
  ])('%s', (ua, brands, name, version) => {
    expect(describeBrowser(ua, brands)).toEqual({ name, version });
  });
});

describe('tour context', () => {
  const state: RunnerState = {
    version: 1,
    tourId: 'gongwen-new-document',
    status: 'running',
    stepIndex: 3,
    stepId: 'submit',
    history: [
      { stepId: 'type', index: 0, enteredAt: START, endedAt: START + 1000, outcome: 'completed' },
      {
        stepId: 'attach',
        index: 1,
        enteredAt: START + 1000,
        endedAt: START + 9000,
        outcome: 'failed',
        reason: 'not-found',
      },
      {
        stepId: 'review',
        index: 2,
        enteredAt: START + 9000,
        endedAt: START + 20_000,
        outcome: 'failed',
      },
    ],
  };

  it('describes the current step', () => {
    expect(reportTourFrom(state, { tour: '新建公文并提交审核', step: '提交审核' })).toEqual({
      id: 'gongwen-new-document',
      title: '新建公文并提交审核',
      status: 'running',
      stepIndex: 3,
      stepId: 'submit',
      stepTitle: '提交审核',
    });
    expect(reportTourFrom({ ...state, status: 'idle' })).toBeNull();
    expect(reportTourFrom(null)).toBeNull();
  });

  it('lists failed steps newest first', () => {
    expect(recentFailedSteps([state])).toEqual([
      {
        tourId: 'gongwen-new-document',
        stepId: 'review',
        stepIndex: 2,
        at: new Date(START + 20_000).toISOString(),
        reason: null,
      },
      {
        tourId: 'gongwen-new-document',
        stepId: 'attach',
        stepIndex: 1,
        at: new Date(START + 9000).toISOString(),
        reason: 'not-found',
      },
    ]);
    expect(recentFailedSteps([state], 1)).toHaveLength(1);
  });
});
