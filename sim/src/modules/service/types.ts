export const ITEM_BUSINESS_LICENCE = '营业执照办理';

/** The materials the window must collect for a business licence (企业设立登记). */
export const REQUIRED_MATERIALS = [
  '申请书',
  '法定代表人身份证明',
  '住所使用证明',
  '公司章程',
] as const;
export type Material = (typeof REQUIRED_MATERIALS)[number];

export const REGIONS = ['城关镇', '河西街道', '东城街道', '南湖镇', '北山乡', '新区街道'] as const;
export type Region = (typeof REGIONS)[number];

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '审批中',
  approved: '已通过',
  rejected: '未通过',
};

/** The fields of 录入信息, in the order of the form and of the import template. */
export interface LicenceFields {
  companyName: string;
  legalPerson: string;
  creditCode: string;
  idNumber: string;
  phone: string;
  scope: string;
  region: Region;
}

export const FIELD_LABELS: Record<keyof LicenceFields, string> = {
  companyName: '企业名称',
  legalPerson: '法人姓名',
  creditCode: '统一社会信用代码',
  idNumber: '法人身份证号',
  phone: '联系电话',
  scope: '经营范围',
  region: '所属地区',
};

export const FIELD_ORDER: (keyof LicenceFields)[] = [
  'companyName',
  'legalPerson',
  'creditCode',
  'idNumber',
  'phone',
  'scope',
  'region',
];

export interface TimelineEntry {
  at: number;
  /** What happened, as the timeline shows it: 受理, 材料核对, 提交审批, 审批通过, 审批驳回, 短信通知. */
  action: string;
  actor: string;
  note?: string;
}

export interface LicenceApplication extends LicenceFields {
  /** 受理编号, e.g. YZ202611280001. */
  id: string;
  itemType: typeof ITEM_BUSINESS_LICENCE;
  materials: Material[];
  status: ApplicationStatus;
  source: '窗口受理' | '模板导入';
  createdAt: number;
  /** Account of the window clerk who received the application. */
  createdBy: string;
  createdByName: string;
  /** Account of the department reviewer the application was submitted to. */
  reviewer: string;
  decidedAt?: number;
  rejectReason?: string;
  timeline: TimelineEntry[];
}

export interface SmsRecord {
  id: string;
  at: number;
  applicationId: string;
  /** Masked, as shown to staff: 138****5678. */
  maskedPhone: string;
  text: string;
}
