import type { LicenceApplication } from './types';

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export function smsText(app: LicenceApplication): string {
  const head = `【XX市政务服务】尊敬的${app.legalPerson}：您申请的“${app.companyName}”营业执照办理（受理编号${app.id}）`;
  if (app.status === 'approved') {
    return `${head}已审批通过，请携带本人身份证原件到市政务服务中心综合窗口领取营业执照。`;
  }
  return `${head}未通过审批，原因：${app.rejectReason ?? ''}。请补正材料后重新申请，咨询电话12345。`;
}
