import { simNow } from '../../shared/clock';
import { getUser } from '../../shared/users';
import { savePdf } from '../../modules/report/pdf';
import { parsePeriod } from '../../modules/report/periods';
import { resultDocument } from '../../modules/report/result-doc';
import { reportTitle, reportType } from '../../modules/report/types';
import type { Submission } from '../../modules/report/types';

export function downloadResultPdf(sub: Submission): void {
  const type = reportType(sub.typeId);
  const period = parsePeriod(type.periodKind, sub.period);
  savePdf(
    resultDocument(type, period, sub, getUser(sub.submittedBy)?.department ?? '', simNow()),
    `${reportTitle(period.label, type)}上报结果.pdf`,
  );
}
