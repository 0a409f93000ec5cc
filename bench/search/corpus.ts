/**
 * Deterministic generator of realistic e-government help articles, used as the bulk of the search
 * benchmark's corpus. The vocabulary deliberately overlaps the hand-written articles (公文, 审核,
 * 附件, 报表, 密码, 权限 …) so that they compete with them: a corpus of unrelated text would make any
 * engine look good.
 */
import type { HelpDoc } from '../../features/help/search-index';

/** mulberry32: small, fast, deterministic PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Domain {
  module: string;
  path: string;
  subjects: string[];
  actions: string[];
  sentences: string[];
}

const DEPARTMENTS = [
  '办公室',
  '人事科',
  '财务科',
  '综合科',
  '政策法规科',
  '行政审批科',
  '信息中心',
  '统计科',
  '督查室',
  '档案室',
];
const UNITS = [
  '市场监管局',
  '税务局',
  '人社局',
  '民政局',
  '住建局',
  '卫健委',
  '教育局',
  '统计局',
  '发改委',
  '司法局',
  '街道办事处',
  '乡镇政府',
];
const SUFFIXES = [
  '操作指南',
  '常见问题',
  '注意事项',
  '办理说明',
  '使用技巧',
  '问题解答',
  '操作步骤',
  '培训要点',
];
const TIMES = [
  '每月 5 日前',
  '每季度末',
  '每周五下班前',
  '每年 1 月',
  '收到通知后 3 个工作日内',
  '工作日 9:00—17:00',
];

const DOMAINS: Domain[] = [
  {
    module: '操作',
    path: '/gongwen/',
    subjects: [
      '收文登记',
      '发文管理',
      '公文流转',
      '公文会签',
      '公文分发',
      '公文传阅',
      '收文办理',
      '督办事项',
      '会议纪要',
      '签报',
      '函件',
      '公文模板',
      '文号管理',
      '公文检索',
    ],
    actions: ['登记', '流转', '会签', '分发', '传阅', '督办', '检索', '编号', '签收', '转办'],
    sentences: [
      '{subject}由{dept}负责，{time}完成{action}。',
      '在“{subject}”页面点击“新增”，填写标题、来文单位和收文日期后保存。',
      '{subject}需经{dept}负责人审核，审核意见会显示在流转记录中。',
      '需要{action}的公文在待办列表中以蓝色标记显示。',
      '{unit}的来文统一由{dept}登记后再分发到承办科室。',
      '{subject}的正文可以上传 Word 文档，系统自动转换为版式文件。',
      '{action}完成后系统发送待办提醒，承办人可在首页查看。',
      '如需退回，请在意见栏填写退回原因，便于承办人修改。',
    ],
  },
  {
    module: '操作',
    path: '/bianmin/',
    subjects: [
      '社保卡申领',
      '医保报销',
      '户籍迁移',
      '居住证办理',
      '不动产登记',
      '食品经营许可',
      '建筑工程施工许可',
      '退休审批',
      '低保申请',
      '残疾人补贴',
      '公租房申请',
      '出生医学证明',
      '个体户注册',
      '税务登记',
    ],
    actions: ['受理', '审查', '办结', '补正', '告知', '出证', '送达', '归集'],
    sentences: [
      '{subject}申请由窗口工作人员受理，{time}内完成{action}。',
      '受理{subject}时须核对申请人身份证件和相关证明材料。',
      '{subject}材料不齐全的，应一次性告知申请人需要补正的内容。',
      '{unit}对{subject}实行“一窗受理、集成服务”。',
      '办件{action}后系统自动生成办件编号，可用于查询办理进度。',
      '群众可通过政务服务网或手机端提交{subject}申请，窗口人员在后台审核。',
      '涉及多个部门的{subject}事项，由牵头部门统一{action}。',
      '办结结果通过短信告知申请人，也可在“我的办件”中查看。',
    ],
  },
  {
    module: '操作',
    path: '/shuju/',
    subjects: [
      '季度统计报表',
      '年度财务决算',
      '固定资产投资统计',
      '人口统计数据',
      '就业失业登记数据',
      '安全生产月报',
      '环境监测数据',
      '农业生产情况',
      '社会消费品零售额',
      '项目进展情况',
    ],
    actions: ['填报', '审核', '汇总', '校验', '报送', '复核', '修订'],
    sentences: [
      '{subject}须在{time}完成{action}，逾期需说明原因。',
      '{subject}的填报口径以统计部门下发的说明为准。',
      '{action}前请核对各项指标的计量单位，避免万元与元混用。',
      '{subject}支持从上期数据复制后修改，减少重复填写。',
      '{dept}负责{subject}的初审，{unit}负责复核。',
      '数据{action}后可在“报送记录”中查看状态和审核意见。',
      '填报过程中可随时保存，提交前系统会提示未填写的必填项。',
    ],
  },
  {
    module: '安全',
    path: '/zhanghao/',
    subjects: [
      '账号注销',
      '岗位调整后的权限变更',
      '临时授权',
      '终端安全检查',
      '移动存储介质管理',
      '网络安全培训',
      '弱口令排查',
      '登录日志审计',
      '离职人员账号回收',
      '办公电脑防病毒',
    ],
    actions: ['申请', '审批', '检查', '回收', '备案', '审计'],
    sentences: [
      '{subject}由{dept}统一{action}，个人不得自行处理。',
      '{unit}每季度开展一次{subject}，发现问题限期整改。',
      '办理{subject}须填写申请表并经部门负责人签字。',
      '信息中心会定期{action}账号使用情况，长期未登录的账号将被停用。',
      '请勿在办公电脑上安装来历不明的软件，{subject}结果会通报。',
      '涉及敏感数据的操作会被记录，用于安全{action}。',
    ],
  },
  {
    module: '认知',
    path: '/xitong/',
    subjects: [
      '首页工作台',
      '个人中心',
      '通讯录',
      '日程安排',
      '常用意见设置',
      '签名设置',
      '消息中心',
      '帮助中心',
      '系统公告',
      '快捷菜单',
    ],
    actions: ['设置', '查看', '修改', '订阅', '收藏', '排序'],
    sentences: [
      '在“{subject}”中可以{action}常用功能，调整后立即生效。',
      '{subject}的内容按岗位显示，不同人员看到的菜单可能不同。',
      '系统公告会在登录后弹出，重要通知需点击“已阅”后关闭。',
      '如果{subject}显示不完整，可以尝试调整浏览器缩放比例。',
      '{dept}可以在{subject}中维护本科室的信息。',
      '更多操作说明请查看培训中心的视频教程。',
    ],
  },
];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

function fill(template: string, random: () => number, domain: Domain, subject: string): string {
  return template
    .replace(/\{subject\}/g, subject)
    .replace(/\{action\}/g, () => pick(random, domain.actions))
    .replace(/\{dept\}/g, () => pick(random, DEPARTMENTS))
    .replace(/\{unit\}/g, () => pick(random, UNITS))
    .replace(/\{time\}/g, () => pick(random, TIMES));
}

/**
 * Generates `count` articles with ids `gen-0000…`. The same seed always gives the same corpus.
 */
export function generateCorpus(count: number, seed = 20240601): HelpDoc[] {
  const random = createRandom(seed);
  const docs: HelpDoc[] = [];
  for (let i = 0; i < count; i++) {
    const domain = pick(random, DOMAINS);
    const subject = pick(random, domain.subjects);
    const titleForm = Math.floor(random() * 4);
    const title =
      titleForm === 0
        ? `${subject}${pick(random, SUFFIXES)}`
        : titleForm === 1
          ? `${pick(random, UNITS)}${subject}${pick(random, SUFFIXES)}`
          : titleForm === 2
            ? `如何${pick(random, domain.actions)}${subject}`
            : `${subject}（第 ${1 + Math.floor(random() * 30)} 期）`;
    const sentenceCount = 3 + Math.floor(random() * 4);
    const body: string[] = [];
    for (let s = 0; s < sentenceCount; s++)
      body.push(fill(pick(random, domain.sentences), random, domain, subject));
    docs.push({
      id: `gen-${String(i).padStart(4, '0')}`,
      kind: random() < 0.8 ? 'article' : random() < 0.5 ? 'tour' : 'rule',
      module: domain.module,
      title,
      body: body.join(''),
      keywords: random() < 0.5 ? [subject, pick(random, domain.actions)] : [],
      urlPatterns: [`${domain.path}*`],
    });
  }
  return docs;
}
