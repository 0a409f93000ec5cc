/**
 * Tests about the training content as a whole (in the spirit of refined-github's features test):
 * every bundled tour validates and is translated, the plan's facts are taught where the plan puts
 * them, every learner group has an onboarding checklist of tours meant for it, and every tour is
 * documented for trainers and driven end to end by a spec.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadTours } from '../../../features/tour/load';
import type { Tour } from '../../../features/tour/schema';
import { AUDIENCE_ROLES, TOUR_MODULES, startTriggers } from '../../../features/tour/schema';
import { VALIDATOR_IDS } from '../../../lib/validators';

const root = join(import.meta.dirname, '../../..');
const toursDir = join(root, 'tours');
const { tours, errors } = loadTours([toursDir], { validatorIds: [...VALIDATOR_IDS], cwd: root });
const byId = new Map(tours.map((tour) => [tour.id, tour]));

/** Everything a learner reads in a tour (Chinese), for checking the plan's facts. */
function chineseText(tour: Tour): string {
  return [tour.title, tour.summary, ...tour.steps.flatMap((s) => [s.title ?? '', s.body])].join(
    '\n',
  );
}

function tour(id: string): Tour {
  const found = byId.get(id);
  if (!found) throw new Error(`no tour ${id}`);
  return found;
}

describe('bundled tours', () => {
  it('all validate', () => {
    expect(errors).toEqual([]);
    expect(tours.length).toBeGreaterThanOrEqual(20);
  });

  it('cover all five modules of the plan', () => {
    for (const module of TOUR_MODULES) {
      expect(tours.filter((t) => t.module === module).length, module).toBeGreaterThan(0);
    }
  });

  it.each(tours.map((t) => [t.id, t] as const))(
    '%s has English title, summary and step texts',
    (_, t) => {
      const en = t.i18n?.en;
      expect(en?.title).toBeTruthy();
      expect(en?.summary).toBeTruthy();
      for (const step of t.steps) {
        const text = en?.steps?.[step.id];
        expect(text?.body, `${t.id} ${step.id} body`).toBeTruthy();
        if (step.title !== undefined) expect(text?.title, `${t.id} ${step.id} title`).toBeTruthy();
      }
    },
  );

  it('can all be started by hand; only a few start by themselves', () => {
    for (const t of tours) expect(startTriggers(t), t.id).toContain('manual');
    const automatic = tours
      .filter((t) => startTriggers(t).includes('first-visit'))
      .map((t) => t.id);
    expect(automatic).toEqual(['renzhi-interface-tour']);
  });

  it('every learner group has tours', () => {
    for (const role of AUDIENCE_ROLES) {
      expect(tours.filter((t) => t.audience.includes(role)).length, role).toBeGreaterThan(2);
    }
  });
});

/**
 * The plan's facts, numbers and flows, each with the tour(s) that teach it. A tour that loses one
 * of these while being edited no longer teaches what the plan says.
 */
const PLAN_FACTS: { section: string; tours: string[]; facts: string[] }[] = [
  {
    section: '(一)1 系统定位与价值',
    tours: ['renzhi-platform-overview'],
    facts: [
      '数字政府统一协同平台',
      '打通各部门信息孤岛的核心枢纽',
      '减少纸质流转、实现数据共享',
      '50%',
    ],
  },
  {
    section: '(一)2 系统架构与界面',
    tours: ['renzhi-platform-overview'],
    facts: ['基础支撑层 → 业务应用层 → 用户访问层'],
  },
  {
    section: '(一)2 导航栏与常用工具',
    tours: ['renzhi-interface-tour'],
    facts: ['首页', '我的待办', '消息中心', '搜索', '帮助中心'],
  },
  {
    section: '(一)3 账号与权限说明',
    tours: ['renzhi-account-permission'],
    facts: ['单位统一开通', '普通用户—部门管理员—超级管理员', '提交申请表', '部门审核', '系统配置'],
  },
  {
    section: '(一)3 权限申请的审核（部门审核、系统配置）',
    tours: ['renzhi-permission-approval'],
    facts: ['提交申请表', '部门审核', '部门管理员', '系统配置', '超级管理员', '操作记录'],
  },
  {
    section: '(二)1 公文处理',
    tours: ['gongwen-new-document'],
    facts: [
      '通知、请示、报告',
      '标题',
      '主送机关',
      '正文',
      'PDF、Word',
      '10 MB',
      '部门负责人 → 办公室 → 分管领导',
      '公文库',
      '清理浏览器缓存',
      '刷新页面',
    ],
  },
  {
    section: '(二)1 公文审核',
    tours: ['gongwen-review'],
    facts: ['同意', '退回', '部门负责人→办公室→分管领导'],
  },
  {
    section: '(二)1 归档',
    tours: ['gongwen-library-archive'],
    facts: ['公文库—年份—月份', '年份-部门-标题'],
  },
  {
    section: '(二)2 便民服务',
    tours: ['bianmin-business-licence'],
    facts: [
      '接收群众申请—核对材料—录入信息—提交审批—反馈结果',
      '系统自动校验',
      '法定代表人姓名',
      '统一社会信用代码',
      '短信通知群众',
    ],
  },
  {
    section: '(二)2 模板导入',
    tours: ['bianmin-template-import'],
    facts: ['模板', '批量', '减少重复录入'],
  },
  { section: '(二)2 进度查询', tours: ['bianmin-progress-query'], facts: ['进度查询', '审批状态'] },
  {
    section: '(二)3 数据上报',
    tours: ['shuju-report-fill'],
    facts: [
      '报表类型',
      'Excel 模板',
      '数值范围',
      '逻辑关系',
      '提交审核',
      'PDF',
      '真实准确，不得篡改',
      '逾期系统自动关闭',
    ],
  },
  {
    section: '(三)1 业务流程规范',
    tours: ['guifan-business-startup-flow'],
    facts: ['名称预先核准', '材料提交', '现场核查', '领取执照', '责任部门', '办理时限'],
  },
  {
    section: '(三)2 操作规范',
    tours: ['guifan-three-nots-four-musts'],
    facts: [
      '不准泄露用户信息',
      '不准越权操作',
      '不准修改系统配置',
      '必须核对用户身份',
      '必须留存操作记录',
      '必须使用正版软件',
      '必须定期修改密码',
    ],
  },
  {
    section: '(三)3 文档管理规范',
    tours: ['guifan-document-management'],
    facts: [
      '年份-部门-标题',
      '2026-办公室-关于召开会议的通知',
      '公文库—年份—月份',
      '年度结束后3个月内完成归档',
    ],
  },
  {
    section: '三 技术支持人员 · 维护规范（备份恢复、版本更新）',
    tours: ['guifan-version-update'],
    facts: ['全量备份', '维护公告', '维护窗口', '执行更新', '功能验证', '回退预案', '恢复原版本'],
  },
  {
    section: '(四)1 账号安全 · 密码',
    tours: ['anquan-password-change'],
    facts: ['8-16位', '字母、数字和符号', '每3个月更换一次'],
  },
  {
    section: '(四)1 账号安全 · 锁定',
    tours: ['anquan-login-lockout'],
    facts: ['连续5次登录失败，账号锁定30分钟'],
  },
  {
    section: '(四)2 数据安全',
    tours: ['anquan-data-security'],
    facts: [
      '“秘密”',
      '加密通道传输',
      '每日自动备份',
      '定期导出本地备份',
      '立即上报信息部门，停止操作',
    ],
  },
  {
    section: '(五)1 自定义报表',
    tours: ['jinjie-report-designer'],
    facts: [
      '报表设计器',
      '便民服务模块',
      '时间',
      '地区',
      '事项类型',
      '柱状图',
      '折线图',
      '月度便民服务办理量统计',
    ],
  },
  {
    section: '(五)2 数据可视化分析',
    tours: ['jinjie-dashboard'],
    facts: ['公文处理时效', '群众满意度', '钻取明细', '导出分析报告'],
  },
  {
    section: '三 基层用户 · 高频业务与离线功能',
    tours: [
      'jiceng-social-security-query',
      'jiceng-epidemic-registration',
      'jiceng-offline-registration',
    ],
    facts: [
      '社保',
      '必须核对用户身份',
      '疫情',
      '身份证号',
      '手机号码',
      '不准泄露用户信息',
      '离线',
      '自动同步',
    ],
  },
  {
    section: '(五)3 系统优化建议',
    tours: ['jinjie-feedback'],
    facts: ['意见箱', '培训微信群', '操作步骤繁琐', '功能缺失'],
  },
];

describe('the training plan is taught faithfully', () => {
  it.each(PLAN_FACTS.map((entry) => [entry.section, entry] as const))('%s', (_, entry) => {
    const text = entry.tours.map((id) => chineseText(tour(id))).join('\n');
    for (const fact of entry.facts)
      expect(text, `${entry.tours.join(', ')}: ${fact}`).toContain(fact);
  });

  it('every tour teaches some part of the plan', () => {
    const taught = new Set(PLAN_FACTS.flatMap((entry) => entry.tours));
    expect(tours.map((t) => t.id).filter((id) => !taught.has(id))).toEqual([]);
  });

  it('modules are as the plan files them', () => {
    const expected: Record<string, string> = {
      'renzhi-': '认知',
      'gongwen-': '操作',
      'bianmin-': '操作',
      'shuju-': '操作',
      'guifan-': '规范',
      'anquan-': '安全',
      'jinjie-': '进阶',
      // 基层用户的高频业务 (三、培训对象与分层设计) are operations.
      'jiceng-': '操作',
    };
    for (const t of tours) {
      const prefix = Object.keys(expected).find((p) => t.id.startsWith(p));
      expect(prefix, t.id).toBeDefined();
      expect(t.module, t.id).toBe(expected[prefix ?? '']);
    }
  });
});

describe('onboarding checklists', () => {
  const checklists = parse(readFileSync(join(toursDir, 'checklists.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('exist for exactly the four learner groups', () => {
    expect(Object.keys(checklists).sort()).toEqual([...AUDIENCE_ROLES].sort());
  });

  it.each(AUDIENCE_ROLES.map((role) => [role]))(
    '%s: existing tours meant for the role, no repeats',
    (role) => {
      const ids = checklists[role];
      expect(Array.isArray(ids)).toBe(true);
      const list = ids as unknown[];
      expect(list.length).toBeGreaterThanOrEqual(4);
      expect(new Set(list).size).toBe(list.length);
      for (const id of list) {
        expect(typeof id).toBe('string');
        const t = byId.get(id as string);
        expect(t, `${role}: unknown tour ${String(id)}`).toBeDefined();
        expect(t?.audience, `${role}: ${String(id)}`).toContain(role);
      }
    },
  );

  it('start with the first-visit tour or the login tour', () => {
    for (const role of AUDIENCE_ROLES) {
      const first = (checklists[role] as string[])[0];
      expect(['renzhi-interface-tour', 'anquan-login-lockout']).toContain(first);
    }
  });
});

describe('documentation and end-to-end coverage', () => {
  const readme = readFileSync(join(toursDir, 'README.md'), 'utf8');
  const specsDir = join(root, 'tests/e2e/content');
  const specs = readdirSync(specsDir)
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => readFileSync(join(specsDir, name), 'utf8'))
    .join('\n');

  it.each(tours.map((t) => [t.id]))('%s is listed for trainers and walked by a spec', (id) => {
    expect(readme).toContain(`\`${id}\``);
    // Specs name the tour they drive: startTour(..., { id: '<id>', ... }) or new TourWalk(page, '<id>').
    expect(specs).toContain(`'${id}'`);
  });
});
