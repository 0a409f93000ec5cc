/**
 * Query-time synonyms for help search.
 *
 * Staff describe the same thing in different words (口令 for 密码, 登陆 — a common misspelling —
 * for 登录, 卡 for 卡顿). Each group lists words that should find each other; the first word is the
 * one the help content normally uses. Synonyms are applied to the query only, so the index stays
 * small and this list can change without rebuilding it.
 *
 * One-character entries (卡, 慢) only apply when the query's word segmentation yields them as a
 * word of their own, so that 卡 in 社保卡 or 银行卡 does not pull in 卡顿.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['密码', '口令'],
  ['营业执照', '执照', '营业证'],
  ['上报', '报送', '填报', '申报'],
  ['附件', '文件', '材料'],
  ['审批', '审核', '批准'],
  ['账号', '帐号', '用户名', '账户', '帐户'],
  ['卡顿', '慢', '卡', '很慢', '没反应', '加载慢'],
  ['登录', '登陆', '登入'],
  ['退回', '驳回', '打回'],
  ['撤回', '撤销'],
  // "登录不上" / "传不上去" / "打不开" all mean it failed.
  ['失败', '无法', '不上', '不了', '不能', '打不开'],
  ['公文', '文件', '发文'],
  ['锁定', '冻结', '被锁'],
  ['截止', '期限', '截止时间'],
  ['导出', '下载'],
  ['导入', '批量导入', '模板导入'],
  ['统一社会信用代码', '信用代码', '社会信用代码', '组织机构代码'],
  ['身份证', '身份证号', '证件号码'],
  ['手机号', '手机号码', '电话'],
  ['权限', '授权'],
  ['报表', '表格'],
  ['归档', '存档'],
  ['进度查询', '查进度', '办理进度'],
  ['清理缓存', '清除缓存', '清缓存'],
];

/**
 * For each word, the other words of every group it belongs to. A word in two groups (文件 is both
 * 附件 and 公文) gets the members of both.
 */
export function buildSynonymMap(
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    for (const word of group) {
      const others = map.get(word) ?? [];
      for (const other of group) if (other !== word && !others.includes(other)) others.push(other);
      map.set(word, others);
    }
  }
  return map;
}
