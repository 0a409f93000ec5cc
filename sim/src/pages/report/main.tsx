import { mountPage } from '../../shared/mount';
import { ReportApp } from './ReportApp';
import './report.css';

mountPage((session) => <ReportApp session={session} />, {
  menuChildren: {
    report: [
      { key: 'report-fill', label: '数据填报', href: 'report.html#/fill' },
      { key: 'report-review', label: '上报审核', href: 'report.html#/review' },
      { key: 'report-history', label: '上报记录', href: 'report.html#/history' },
    ],
  },
});
