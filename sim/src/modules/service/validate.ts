import { checkCreditCode } from '../../../../lib/validators/credit-code';
import { checkIdNumber } from './identity';
import { FIELD_LABELS, REGIONS, REQUIRED_MATERIALS } from './types';
import type { LicenceFields, Material } from './types';

export type FieldErrors = Partial<Record<keyof LicenceFields, string>>;

/** Inline message for a credit code, naming the expected check character when that is the fault. */
export function creditCodeError(input: string): string | undefined {
  const value = input.trim();
  if (!value) return '请输入统一社会信用代码';
  const result = checkCreditCode(value);
  if (result.valid) return undefined;
  if (result.reason === 'check-character' && result.expected) {
    return `统一社会信用代码校验位错误：第18位应为「${result.expected}」，实际为「${value.toUpperCase().slice(17, 18)}」`;
  }
  return result.message;
}

export function phoneError(input: string): string | undefined {
  const value = input.trim();
  if (!value) return '请输入联系电话';
  if (!/^1[3-9]\d{9}$/.test(value)) return '联系电话应为11位手机号码（以1开头）';
  return undefined;
}

export function idNumberError(input: string): string | undefined {
  if (!input.trim()) return '请输入法人身份证号';
  const result = checkIdNumber(input);
  return result.valid ? undefined : result.message;
}

/** All field rules of 录入信息; the form and the batch import use the same function. */
export function validateLicenceFields(
  fields: Partial<Record<keyof LicenceFields, string>>,
): FieldErrors {
  const errors: FieldErrors = {};
  const text = (key: keyof LicenceFields) => (fields[key] ?? '').trim();
  if (!text('companyName')) errors.companyName = `请输入${FIELD_LABELS.companyName}`;
  else if (text('companyName').length < 4) errors.companyName = '企业名称至少4个字';
  if (!text('legalPerson')) errors.legalPerson = `请输入${FIELD_LABELS.legalPerson}`;
  else if (!/^[\u4e00-\u9fa5·]{2,20}$/.test(text('legalPerson')))
    errors.legalPerson = '法人姓名应为2-20个汉字';
  const credit = creditCodeError(text('creditCode'));
  if (credit) errors.creditCode = credit;
  const id = idNumberError(text('idNumber'));
  if (id) errors.idNumber = id;
  const phone = phoneError(text('phone'));
  if (phone) errors.phone = phone;
  if (!text('scope')) errors.scope = `请输入${FIELD_LABELS.scope}`;
  if (!text('region')) errors.region = `请选择${FIELD_LABELS.region}`;
  else if (!(REGIONS as readonly string[]).includes(text('region')))
    errors.region = `所属地区应为：${REGIONS.join('、')}`;
  return errors;
}

export type MaterialCheck =
  { complete: true } | { complete: false; missing: Material[]; message: string };

/** 核对材料: the system checks completeness against the required list. */
export function checkMaterials(provided: readonly string[]): MaterialCheck {
  const missing = REQUIRED_MATERIALS.filter((m) => !provided.includes(m));
  if (missing.length === 0) return { complete: true };
  return { complete: false, missing, message: `材料不齐全：缺少${missing.join('、')}` };
}
