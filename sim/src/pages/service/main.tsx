import { mountPage } from '../../shared/mount';
import { ServiceApp } from './ServiceApp';
import './service.css';

mountPage((session) => <ServiceApp session={session} />, {
  menuChildren: {
    service: [
      { key: 'service-list', label: '申请列表', href: 'service.html#/list' },
      { key: 'service-apply', label: '营业执照办理', href: 'service.html#/apply' },
      { key: 'service-import', label: '模板导入', href: 'service.html#/import' },
      { key: 'service-review', label: '审批待办', href: 'service.html#/review' },
      { key: 'service-progress', label: '进度查询', href: 'service.html#/progress' },
      { key: 'service-sms', label: '短信发送记录', href: 'service.html#/sms' },
    ],
  },
});
