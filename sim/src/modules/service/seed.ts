import { makeCreditCode } from './credit-code-gen';
import { idCheckCharacter } from './identity';
import { pick, seededRandom } from './kv';
import { maskPhone, smsText } from './sms';
import { ITEM_BUSINESS_LICENCE, REGIONS, REQUIRED_MATERIALS } from './types';
import type { ApplicationStatus, LicenceApplication, SmsRecord } from './types';

const NAME_WORDS = [
  '恒信',
  '同创',
  '瑞丰',
  '鑫源',
  '华泰',
  '博远',
  '宏达',
  '青禾',
  '安和',
  '启明',
  '嘉禾',
  '正德',
];
const INDUSTRIES = [
  { kind: '商贸', scope: '日用百货、五金交电零售；预包装食品销售' },
  { kind: '科技', scope: '软件开发；信息技术咨询服务；计算机系统集成' },
  { kind: '餐饮管理', scope: '餐饮服务；餐饮管理；食品经营' },
  { kind: '建材', scope: '建筑材料、装饰材料销售' },
  { kind: '农业开发', scope: '蔬菜、水果种植及销售；农业技术推广服务' },
  { kind: '物流', scope: '普通货物道路运输；仓储服务（不含危险化学品）' },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '丽娟',
  '文博',
  '晓明',
  '秀英',
  '春华',
  '俊杰',
  '雪梅',
  '国庆',
  '明辉',
];
const CLERKS = [
  { account: 'zhangsan', name: '张三' },
  { account: 'xiangzhen', name: '刘芳' },
];
const REJECT_REASONS = [
  '住所使用证明与登记住所不一致',
  '公司章程未经全体股东签字',
  '企业名称与已登记企业名称近似',
];
/** Administrative division codes used for the simulated city (test data). */
const DIVISION = '620102';

function makeIdNumber(rand: () => number): string {
  const year = 1965 + Math.floor(rand() * 35);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
  const first17 = `${DIVISION}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  return first17 + idCheckCharacter(first17);
}

function makePhone(rand: () => number): string {
  const prefix = pick(rand, ['138', '139', '150', '151', '186', '189', '177', '135']);
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(Math.floor(rand() * 10));
  return prefix + rest;
}

const HOUR = 3_600_000;

/** Moves a time after 17:30 to 09:10 of the next day, so decisions happen in office hours. */
function nextOfficeTime(at: number): number {
  const d = new Date(at);
  if (d.getHours() * 60 + d.getMinutes() <= 17 * 60 + 30) return at;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9, 10).getTime();
}

/** 60 applications over the last ~8 weeks; the newest 8 are still waiting for 李四. */
export function seedApplications(now: number): {
  applications: LicenceApplication[];
  sms: SmsRecord[];
} {
  const rand = seededRandom(20240601);
  const applications: LicenceApplication[] = [];
  const sms: SmsRecord[] = [];
  const perDay = new Map<string, number>();
  // One application per working day, oldest first, received during office hours (09:00–17:00).
  const days: Date[] = [];
  for (let back = 1; days.length < 60; back++) {
    const day = new Date(now);
    day.setDate(day.getDate() - back);
    if (day.getDay() !== 0 && day.getDay() !== 6) days.unshift(day);
  }
  for (let i = 0; i < 60; i++) {
    const day = days[i] ?? new Date(now);
    const createdAt = new Date(
      day.getFullYear(),
      day.getMonth(),
      day.getDate(),
      9 + Math.floor(rand() * 8),
      Math.floor(rand() * 60),
    ).getTime();
    const d = new Date(createdAt);
    const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
    const seq = (perDay.get(stamp) ?? 0) + 1;
    perDay.set(stamp, seq);
    const industry = pick(rand, INDUSTRIES);
    const region = pick(rand, REGIONS);
    const clerk = pick(rand, CLERKS);
    const status: ApplicationStatus = i >= 52 ? 'pending' : rand() < 0.15 ? 'rejected' : 'approved';
    const app: LicenceApplication = {
      id: `YZ${stamp}${String(seq).padStart(4, '0')}`,
      itemType: ITEM_BUSINESS_LICENCE,
      companyName: `${region.replace(/(镇|乡|街道)$/, '')}${pick(rand, NAME_WORDS)}${industry.kind}有限公司`,
      legalPerson: pick(rand, SURNAMES) + pick(rand, GIVEN),
      creditCode: makeCreditCode(DIVISION, rand),
      idNumber: makeIdNumber(rand),
      phone: makePhone(rand),
      scope: industry.scope,
      region,
      materials: [...REQUIRED_MATERIALS],
      status,
      source: rand() < 0.2 ? '模板导入' : '窗口受理',
      createdAt,
      createdBy: clerk.account,
      createdByName: clerk.name,
      reviewer: 'lisi',
      timeline: [],
    };
    app.timeline.push(
      {
        at: createdAt,
        action: '接收申请',
        actor: clerk.name,
        note: app.source === '模板导入' ? '模板批量导入' : '窗口受理',
      },
      { at: createdAt, action: '核对材料', actor: '系统', note: '材料齐全' },
      { at: createdAt, action: '录入信息', actor: clerk.name },
      { at: createdAt, action: '提交审批', actor: clerk.name, note: '提交至李四审核' },
    );
    if (status !== 'pending') {
      const decidedAt = Math.min(
        nextOfficeTime(createdAt + (1 + Math.floor(rand() * 6)) * HOUR),
        now - HOUR,
      );
      app.decidedAt = decidedAt;
      if (status === 'rejected') {
        app.rejectReason = pick(rand, REJECT_REASONS);
        app.timeline.push({
          at: decidedAt,
          action: '审批驳回',
          actor: '李四',
          note: app.rejectReason,
        });
      } else {
        app.timeline.push({ at: decidedAt, action: '审批通过', actor: '李四' });
      }
      const record: SmsRecord = {
        id: `SMS${decidedAt}${i}`,
        at: decidedAt,
        applicationId: app.id,
        maskedPhone: maskPhone(app.phone),
        text: smsText(app),
      };
      sms.unshift(record);
      app.timeline.push({
        at: decidedAt,
        action: '反馈结果',
        actor: '系统',
        note: `短信已发送至 ${record.maskedPhone}`,
      });
    }
    applications.unshift(app);
  }
  return { applications, sms };
}
