import type { KeyValueStore } from './kv';
import { seedApplications } from './seed';
import { ITEM_BUSINESS_LICENCE, REQUIRED_MATERIALS } from './types';
import type { LicenceApplication, LicenceFields, Material, SmsRecord } from './types';
import { normalizeIdNumber } from './identity';
import { checkMaterials, validateLicenceFields } from './validate';
import { maskPhone, smsText } from './sms';

export { maskPhone, smsText };

export const SERVICE_KEYS = {
  applications: 'service:applications',
  sms: 'service:sms',
} as const;

export interface Actor {
  account: string;
  name: string;
}

/** Applications go to the department head for review (训练方案: 提交审批 → 后台部门审核). */
export const LICENCE_REVIEWER: Actor = { account: 'lisi', name: '李四' };

export class ServiceError extends Error {}

function dayStamp(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}

export function createServiceStore(kv: KeyValueStore, now: () => number) {
  function load(): LicenceApplication[] {
    let apps = kv.read<LicenceApplication[]>(SERVICE_KEYS.applications);
    if (!apps) {
      const seeded = seedApplications(now());
      apps = seeded.applications;
      kv.write(SERVICE_KEYS.applications, apps);
      kv.write(SERVICE_KEYS.sms, seeded.sms);
    }
    return apps;
  }
  function save(apps: LicenceApplication[]): void {
    kv.write(SERVICE_KEYS.applications, apps);
  }
  function nextId(apps: LicenceApplication[], at: number): string {
    const prefix = `YZ${dayStamp(at)}`;
    const used = apps.filter((a) => a.id.startsWith(prefix)).length;
    return `${prefix}${String(used + 1).padStart(4, '0')}`;
  }
  function update(id: string, change: (app: LicenceApplication) => void): LicenceApplication {
    const apps = load();
    const app = apps.find((a) => a.id === id);
    if (!app) throw new ServiceError(`未找到受理编号为 ${id} 的申请`);
    change(app);
    save(apps);
    return app;
  }
  function sendSms(app: LicenceApplication, at: number): SmsRecord {
    const sms = kv.read<SmsRecord[]>(SERVICE_KEYS.sms) ?? [];
    const record: SmsRecord = {
      id: `SMS${at}${sms.length}`,
      at,
      applicationId: app.id,
      maskedPhone: maskPhone(app.phone),
      text: smsText(app),
    };
    kv.write(SERVICE_KEYS.sms, [record, ...sms]);
    return record;
  }
  function create(
    fields: LicenceFields,
    materials: readonly Material[],
    clerk: Actor,
    source: LicenceApplication['source'],
    apps: LicenceApplication[],
  ): LicenceApplication {
    const at = now();
    const app: LicenceApplication = {
      ...fields,
      creditCode: fields.creditCode.trim().toUpperCase(),
      idNumber: fields.idNumber.trim().toUpperCase(),
      id: nextId(apps, at),
      itemType: ITEM_BUSINESS_LICENCE,
      materials: [...materials],
      status: 'pending',
      source,
      createdAt: at,
      createdBy: clerk.account,
      createdByName: clerk.name,
      reviewer: LICENCE_REVIEWER.account,
      timeline: [
        {
          at,
          action: '接收申请',
          actor: clerk.name,
          note: source === '模板导入' ? '模板批量导入' : '窗口受理',
        },
        { at, action: '核对材料', actor: '系统', note: '材料齐全' },
        { at, action: '录入信息', actor: clerk.name },
        { at, action: '提交审批', actor: clerk.name, note: `提交至${LICENCE_REVIEWER.name}审核` },
      ],
    };
    apps.unshift(app);
    return app;
  }

  return {
    list(): LicenceApplication[] {
      return [...load()].sort((a, b) => b.createdAt - a.createdAt);
    },
    get(id: string): LicenceApplication | undefined {
      return load().find((a) => a.id === id);
    },
    /** 进度查询: by 受理编号 or 统一社会信用代码 (exact, case-insensitive). */
    search(query: string): LicenceApplication[] {
      const q = query.trim().toUpperCase();
      if (!q) return [];
      return this.list().filter((a) => a.id.toUpperCase() === q || a.creditCode === q);
    },
    pendingFor(account: string): LicenceApplication[] {
      return this.list().filter((a) => a.status === 'pending' && a.reviewer === account);
    },
    /** 提交审批: refuses incomplete materials or invalid fields, like the real window system. */
    submit(
      fields: LicenceFields,
      materials: readonly Material[],
      clerk: Actor,
    ): LicenceApplication {
      const check = checkMaterials(materials);
      if (!check.complete) throw new ServiceError(check.message);
      const errors = Object.values(validateLicenceFields(fields));
      if (errors.length > 0) throw new ServiceError(errors.join('；'));
      const apps = load();
      const stored = { ...fields, idNumber: normalizeIdNumber(fields.idNumber) };
      const app = create(stored, materials, clerk, '窗口受理', apps);
      save(apps);
      return app;
    },
    /** 模板导入: rows must already be validated by the import preview. */
    importBatch(rows: readonly LicenceFields[], clerk: Actor): LicenceApplication[] {
      const apps = load();
      const created = rows.map((row) => {
        const errors = Object.values(validateLicenceFields(row));
        if (errors.length > 0) throw new ServiceError(`${row.companyName}：${errors.join('；')}`);
        const stored = { ...row, idNumber: normalizeIdNumber(row.idNumber) };
        return create(stored, REQUIRED_MATERIALS, clerk, '模板导入', apps);
      });
      save(apps);
      return created;
    },
    approve(id: string, reviewer: Actor): { app: LicenceApplication; sms: SmsRecord } {
      const at = now();
      const app = update(id, (a) => {
        if (a.reviewer !== reviewer.account) throw new ServiceError('您不是该申请的审批人');
        if (a.status !== 'pending') throw new ServiceError('该申请已办结');
        a.status = 'approved';
        a.decidedAt = at;
        a.timeline.push({ at, action: '审批通过', actor: reviewer.name });
      });
      const sms = sendSms(app, at);
      const withSms = update(id, (a) =>
        a.timeline.push({
          at,
          action: '反馈结果',
          actor: '系统',
          note: `短信已发送至 ${sms.maskedPhone}`,
        }),
      );
      return { app: withSms, sms };
    },
    reject(
      id: string,
      reviewer: Actor,
      reason: string,
    ): { app: LicenceApplication; sms: SmsRecord } {
      const at = now();
      const why = reason.trim();
      if (!why) throw new ServiceError('请填写驳回原因');
      const app = update(id, (a) => {
        if (a.reviewer !== reviewer.account) throw new ServiceError('您不是该申请的审批人');
        if (a.status !== 'pending') throw new ServiceError('该申请已办结');
        a.status = 'rejected';
        a.decidedAt = at;
        a.rejectReason = why;
        a.timeline.push({ at, action: '审批驳回', actor: reviewer.name, note: why });
      });
      const sms = sendSms(app, at);
      const withSms = update(id, (a) =>
        a.timeline.push({
          at,
          action: '反馈结果',
          actor: '系统',
          note: `短信已发送至 ${sms.maskedPhone}`,
        }),
      );
      return { app: withSms, sms };
    },
    smsLog(): SmsRecord[] {
      load();
      return kv.read<SmsRecord[]>(SERVICE_KEYS.sms) ?? [];
    },
    /** Writes fresh seed data (used by the shared 重置演示数据). */
    reseed(): void {
      kv.remove(SERVICE_KEYS.applications);
      kv.remove(SERVICE_KEYS.sms);
      load();
    },
  };
}

export type ServiceStore = ReturnType<typeof createServiceStore>;
