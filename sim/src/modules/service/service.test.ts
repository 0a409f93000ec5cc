import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../../lib/validators/credit-code';
import {
  parseImportCsv,
  templateCsv,
  isRowValid,
  buildTemplateWorkbook,
  parseImportXlsx,
} from './import';
import { checkIdNumber } from './identity';
import { createMemoryStore } from './kv';
import { createServiceStore, maskPhone, ServiceError } from './store';
import { REQUIRED_MATERIALS } from './types';
import type { LicenceFields } from './types';
import { checkMaterials, creditCodeError, validateLicenceFields } from './validate';

const NOW = new Date(2026, 10, 20, 9, 30).getTime();
const clerk = { account: 'zhangsan', name: '张三' };
const lisi = { account: 'lisi', name: '李四' };
const valid: LicenceFields = {
  companyName: '城关恒信商贸有限公司',
  legalPerson: '王建国',
  creditCode: '91350100M000100Y43',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  scope: '日用百货零售',
  region: '城关镇',
};

describe('录入信息 validation', () => {
  it('names the expected check character of a wrong credit code', () => {
    expect(creditCodeError('91350100M000100Y44')).toBe(
      '统一社会信用代码校验位错误：第18位应为「3」，实际为「4」',
    );
    expect(creditCodeError('91350100M000100Y43')).toBeUndefined();
    expect(creditCodeError('9135')).toContain('18 位');
  });
  it('checks the ID number check character and the mobile number', () => {
    expect(checkIdNumber('11010519491231002X').valid).toBe(true);
    expect(checkIdNumber('110105194912310021')).toEqual({
      valid: false,
      message: '校验位应为 X，实际为 1，请核对是否有数字录入错误',
    });
    expect(validateLicenceFields({ ...valid, phone: '1381234567' }).phone).toContain('11位');
    expect(validateLicenceFields(valid)).toEqual({});
  });
  it('lists the missing materials', () => {
    expect(checkMaterials(['申请书', '公司章程'])).toEqual({
      complete: false,
      missing: ['法定代表人身份证明', '住所使用证明'],
      message: '材料不齐全：缺少法定代表人身份证明、住所使用证明',
    });
    expect(checkMaterials([...REQUIRED_MATERIALS]).complete).toBe(true);
  });
});

describe('service store', () => {
  it('seeds 60 applications with valid codes, 8 of them waiting for 李四', () => {
    const store = createServiceStore(createMemoryStore(), () => NOW);
    const apps = store.list();
    expect(apps).toHaveLength(60);
    expect(apps.every((a) => checkCreditCode(a.creditCode).valid)).toBe(true);
    expect(apps.every((a) => checkIdNumber(a.idNumber).valid)).toBe(true);
    expect(store.pendingFor('lisi')).toHaveLength(8);
    expect(new Set(apps.map((a) => a.id)).size).toBe(60);
  });
  it('runs 提交审批 → 审批通过 → 短信通知 and finds the application by code', () => {
    const store = createServiceStore(createMemoryStore(), () => NOW);
    const app = store.submit(valid, [...REQUIRED_MATERIALS], clerk);
    expect(app.id).toMatch(/^YZ20261120\d{4}$/);
    expect(store.list().filter((a) => a.id === app.id)).toHaveLength(1);
    expect(app.status).toBe('pending');
    expect(() => store.approve(app.id, clerk)).toThrow('您不是该申请的审批人');
    const { sms } = store.approve(app.id, lisi);
    expect(sms.maskedPhone).toBe('138****5678');
    expect(sms.text).toContain('已审批通过');
    expect(store.smsLog()[0]).toEqual(sms);
    expect(store.search('91350100m000100y43').map((a) => a.status)).toEqual(['approved']);
    expect(store.get(app.id)?.timeline.map((t) => t.action)).toEqual([
      '接收申请',
      '核对材料',
      '录入信息',
      '提交审批',
      '审批通过',
      '反馈结果',
    ]);
  });
  it('refuses incomplete materials and requires a reason to reject', () => {
    const store = createServiceStore(createMemoryStore(), () => NOW);
    expect(() => store.submit(valid, ['申请书'], clerk)).toThrow(ServiceError);
    const app = store.submit(valid, [...REQUIRED_MATERIALS], clerk);
    expect(() => store.reject(app.id, lisi, ' ')).toThrow('请填写驳回原因');
    const { app: rejected, sms } = store.reject(app.id, lisi, '公司章程未签字');
    expect(rejected.status).toBe('rejected');
    expect(sms.text).toContain('原因：公司章程未签字');
  });
  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('模板导入', () => {
  it('previews rows with per-row errors and imports only valid rows', () => {
    const csv = [
      templateCsv().trim(),
      '河西瑞丰科技有限公司,李海燕,91350100M000100Y44,11010519491231002X,13912345678,软件开发,河西街道',
      '东城同创建材有限公司,,91350100M000100Y43,11010519491231002X,13912345678,建材销售,东城街道',
    ].join('\r\n');
    const preview = parseImportCsv(csv);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(preview.rows.map(isRowValid)).toEqual([true, false, false]);
    expect(preview.rows[1]?.errors.creditCode).toContain('应为「3」');
    expect(preview.rows[2]?.errors.legalPerson).toBe('请输入法人姓名');
    expect(preview.rows[2]?.rowErrors).toEqual(['统一社会信用代码与第2行重复']);
    const store = createServiceStore(createMemoryStore(), () => NOW);
    const created = store.importBatch(
      preview.rows.filter(isRowValid).map((r) => r.fields),
      clerk,
    );
    expect(created).toHaveLength(1);
    expect(store.list()).toHaveLength(61);
  });
  it('reports missing columns', () => {
    expect(parseImportCsv('企业名称,法人姓名\n甲,乙').fileErrors[0]).toContain('文件缺少列');
  });
  it('reads the .xlsx template back', async () => {
    const buffer = await buildTemplateWorkbook().xlsx.writeBuffer();
    const preview = await parseImportXlsx(buffer as ArrayBuffer);
    expect(preview.rows).toHaveLength(1);
    expect(isRowValid(preview.rows[0]!)).toBe(true);
  });
});

describe('downloadable templates', () => {
  it('ships the CSV template the module generates', async () => {
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(
      new URL('../../../public/templates/business-licence-import.csv', import.meta.url),
      'utf8',
    );
    expect(file).toBe(templateCsv());
  });
});
