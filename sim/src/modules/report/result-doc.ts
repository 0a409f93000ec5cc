import type { PdfDocument } from './pdf';
import type { Period } from './periods';
import { formatDeadline } from './periods';
import { SUBMISSION_STATUS_LABELS, reportTitle } from './types';
import type { ReportType, Submission } from './types';

function fmtTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 生成上报结果: the document the PDF shows (values exactly as submitted). */
export function resultDocument(
  type: ReportType,
  period: Period,
  sub: Submission,
  department: string,
  generatedAt: number,
): PdfDocument {
  return {
    title: `${reportTitle(period.label, type)}上报结果`,
    meta: [
      `填报单位：${department}    填报人：${sub.submittedByName}    提交时间：${fmtTime(sub.submittedAt)}`,
      `审核状态：${SUBMISSION_STATUS_LABELS[sub.status]}${sub.reviewedAt ? `（${fmtTime(sub.reviewedAt)}）` : ''}    上报截止：${formatDeadline(period.deadline)}`,
    ],
    sections: [
      {
        columns: ['序号', '指标名称', '计量单位', '本期数值'],
        widths: [1, 6, 2, 3],
        rows: type.indicators.map((ind, i) => [
          String(i + 1),
          ind.label,
          ind.unit,
          String(sub.values[ind.key] ?? ''),
        ]),
      },
      {
        heading: '办理记录',
        columns: ['时间', '环节', '办理人', '意见'],
        widths: [3, 3, 2, 5],
        rows: sub.history.map((h) => [fmtTime(h.at), h.action, h.actor, h.note ?? '']),
      },
    ],
    footer: [
      '声明：本单位对上报数据的真实性、准确性负责，数据需真实准确，不得篡改。',
      `本结果由系统生成于 ${fmtTime(generatedAt)}（XX市数字政府统一协同平台 · 模拟环境 · 测试数据）。`,
    ],
  };
}
