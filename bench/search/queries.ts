/**
 * Labelled queries for search quality: what staff type into the help box, with the hand-written
 * articles (articles.ts) that answer them. Written from the articles' meaning, not from any
 * engine's output; a query may have more than one right answer.
 */

export type QueryKind =
  'word' | 'partial' | 'sentence' | 'pinyin' | 'initials' | 'typo' | 'synonym';

export interface LabelledQuery {
  query: string;
  kind: QueryKind;
  /** Article ids that answer the query; recall@5 counts how many of them are in the top 5. */
  expected: string[];
}

export const LABELLED_QUERIES: LabelledQuery[] = [
  // Chinese words as they appear in the articles
  { query: '营业执照', kind: 'word', expected: ['bm-license'] },
  { query: '附件上传失败', kind: 'word', expected: ['gw-attach-fail'] },
  { query: '公文归档', kind: 'word', expected: ['gw-archive'] },
  { query: '涉密文件', kind: 'word', expected: ['aq-secret-files'] },
  { query: '数据泄露', kind: 'word', expected: ['aq-leak'] },
  { query: '模板导入', kind: 'word', expected: ['bm-template-import', 'sj-excel-import'] },
  { query: '进度查询', kind: 'word', expected: ['bm-progress'] },
  { query: '数据备份', kind: 'word', expected: ['aq-backup'] },
  { query: '统一社会信用代码', kind: 'word', expected: ['bm-credit-code'] },
  { query: '电子印章', kind: 'word', expected: ['gw-seal'] },
  { query: '数字证书', kind: 'word', expected: ['xt-ca'] },
  { query: '验证码', kind: 'word', expected: ['xt-captcha'] },
  { query: '主送机关', kind: 'word', expected: ['gw-recipient'] },
  { query: '三不准', kind: 'word', expected: ['gf-three-noes'] },

  // Parts of words, and words typed half-way
  { query: '营业执', kind: 'partial', expected: ['bm-license'] },
  { query: '信用代', kind: 'partial', expected: ['bm-credit-code'] },
  { query: '归档', kind: 'partial', expected: ['gw-archive'] },
  { query: '逾期', kind: 'partial', expected: ['sj-deadline'] },
  { query: '泄露', kind: 'partial', expected: ['aq-leak'] },
  { query: '撤回', kind: 'partial', expected: ['gw-withdraw'] },
  { query: '草稿', kind: 'partial', expected: ['gw-draft'] },

  // Whole questions
  { query: '附件传不上去怎么办', kind: 'sentence', expected: ['gw-attach-fail'] },
  { query: '忘记密码了怎么办', kind: 'sentence', expected: ['aq-forgot'] },
  { query: '怎么查看审批进度', kind: 'sentence', expected: ['bm-progress'] },
  { query: '上报结果怎么导出PDF', kind: 'sentence', expected: ['sj-export-pdf'] },
  { query: '密码要求几位', kind: 'sentence', expected: ['aq-password-rule'] },
  { query: '公文被退回了怎么修改', kind: 'sentence', expected: ['gw-returned'] },
  { query: '请示和报告有什么区别', kind: 'sentence', expected: ['gw-doc-type'] },
  { query: '数据上报截止时间过了怎么办', kind: 'sentence', expected: ['sj-deadline'] },

  // Full pinyin (with or without spaces)
  { query: 'yingyezhizhao', kind: 'pinyin', expected: ['bm-license'] },
  {
    query: 'mima',
    kind: 'pinyin',
    expected: ['aq-password-rule', 'aq-password-change', 'aq-forgot'],
  },
  { query: 'gongwen guidang', kind: 'pinyin', expected: ['gw-archive'] },
  { query: 'shujubeifen', kind: 'pinyin', expected: ['aq-backup'] },
  { query: 'xinjiangongwen', kind: 'pinyin', expected: ['gw-new'] },
  { query: 'yanzhengma', kind: 'pinyin', expected: ['xt-captcha'] },
  { query: 'jiami chuanshu', kind: 'pinyin', expected: ['aq-secret-files'] },

  // Initials
  { query: 'yyzz', kind: 'initials', expected: ['bm-license'] },
  { query: 'gwgd', kind: 'initials', expected: ['gw-archive'] },
  { query: 'sjxl', kind: 'initials', expected: ['aq-leak'] },
  { query: 'jdcx', kind: 'initials', expected: ['bm-progress'] },
  { query: 'mbdr', kind: 'initials', expected: ['bm-template-import'] },
  { query: 'yzm', kind: 'initials', expected: ['xt-captcha'] },

  // Typos in pinyin
  { query: 'gongwne', kind: 'typo', expected: ['gw-new', 'gw-archive', 'gw-review-flow'] },
  { query: 'yingyezhizaho', kind: 'typo', expected: ['bm-license'] },
  { query: 'shujubeifne', kind: 'typo', expected: ['aq-backup'] },
  { query: 'yanzhnegma', kind: 'typo', expected: ['xt-captcha'] },
  { query: 'jinducahxun', kind: 'typo', expected: ['bm-progress'] },

  // Synonyms and everyday words
  {
    query: '口令',
    kind: 'synonym',
    expected: ['aq-password-rule', 'aq-password-change', 'aq-forgot'],
  },
  { query: '执照', kind: 'synonym', expected: ['bm-license'] },
  { query: '月度数据报送', kind: 'synonym', expected: ['sj-monthly'] },
  { query: '帐号被锁', kind: 'synonym', expected: ['aq-lockout'] },
  { query: '登陆不上', kind: 'synonym', expected: ['xt-login', 'aq-lockout'] },
  { query: '系统很卡', kind: 'synonym', expected: ['xt-slow'] },
  { query: '申请被退回', kind: 'synonym', expected: ['bm-reject', 'gw-returned'] },
  { query: '下载报表', kind: 'synonym', expected: ['bb-export-excel'] },
  { query: '清除缓存', kind: 'synonym', expected: ['xt-cache'] },
  { query: '开通权限', kind: 'synonym', expected: ['aq-permission-apply'] },
];
