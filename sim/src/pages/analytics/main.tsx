import { mountPage } from '../../shared/mount';
import { AnalyticsApp } from './AnalyticsApp';
import './analytics.css';

mountPage((session) => <AnalyticsApp session={session} />, {
  menuChildren: {
    analytics: [
      { key: 'analytics-dashboard', label: '数据dashboard', href: 'analytics.html#/dashboard' },
      { key: 'analytics-designer', label: '报表设计器', href: 'analytics.html#/designer' },
      { key: 'analytics-reports', label: '我的报表', href: 'analytics.html#/reports' },
    ],
  },
});
