import { useState } from 'react';
import { Alert, Card, Checkbox, Descriptions, List, Progress, Tag, Typography } from 'antd';
import type { Session } from '../../shared/session';
import {
  AVAILABLE_VERSION,
  CURRENT_VERSION,
  DOWNTIME,
  LAST_BACKUP,
  RELEASE_NOTES,
  UPDATE_CHECKLIST,
  type ReleaseNote,
} from '../../modules/admin/maintenance';

const NOTE_COLORS: Record<ReleaseNote['kind'], string> = {
  新增: 'blue',
  优化: 'green',
  修复: 'orange',
  安全: 'red',
};

/**
 * 系统维护 · 版本管理 (维护规范: 备份恢复、版本更新): the version running, the update available with
 * its release notes, and the pre-update checklist ticked in order (备份 → 发布维护公告 → 维护窗口 →
 * 更新 → 验证 → 回退预案). Only the 超级管理员 ticks; others see it read-only.
 */
export function MaintenancePage({ session }: { session: Session }) {
  const canOperate = session.user.permission === '超级管理员';
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const doneCount = UPDATE_CHECKLIST.filter((item) => done.has(item.id)).length;
  const allDone = doneCount === UPDATE_CHECKLIST.length;

  const toggle = (index: number, checked: boolean) => {
    setDone(() => {
      // Items are done in order: unticking one also unticks every later one.
      const ids = UPDATE_CHECKLIST.slice(0, checked ? index + 1 : index).map((item) => item.id);
      return new Set(ids);
    });
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        系统管理 · 系统维护
      </Typography.Title>
      {!canOperate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="当前为只读视图：版本更新由系统管理员（超级管理员）按维护规范执行。"
        />
      )}
      <Card title="版本信息" style={{ marginBottom: 16 }} data-testid="maint-version">
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'current',
              label: '当前版本',
              children: `${CURRENT_VERSION.version}（${CURRENT_VERSION.released} 发布）`,
            },
            {
              key: 'available',
              label: '可用更新',
              children: (
                <>
                  {AVAILABLE_VERSION.version}（{AVAILABLE_VERSION.released} 发布）{' '}
                  <Tag color="gold">待更新</Tag>
                </>
              ),
            },
            { key: 'backup', label: '数据备份', children: LAST_BACKUP },
            { key: 'downtime', label: '更新影响', children: DOWNTIME },
          ]}
        />
      </Card>
      <Card
        title={`${AVAILABLE_VERSION.version} 版本说明`}
        style={{ marginBottom: 16 }}
        data-testid="maint-release-notes"
      >
        <List
          size="small"
          dataSource={[...RELEASE_NOTES]}
          renderItem={(note) => (
            <List.Item>
              <Tag color={NOTE_COLORS[note.kind]}>{note.kind}</Tag>
              {note.text}
            </List.Item>
          )}
        />
      </Card>
      <Card
        title="版本更新检查清单"
        data-testid="maint-checklist"
        extra={
          <span className="adm-maint-progress">
            已完成 {doneCount} / {UPDATE_CHECKLIST.length}
          </span>
        }
      >
        <Progress
          percent={Math.round((doneCount / UPDATE_CHECKLIST.length) * 100)}
          showInfo={false}
          style={{ marginBottom: 8 }}
        />
        <ol className="adm-maint-list">
          {UPDATE_CHECKLIST.map((item, index) => {
            const previousDone = index === 0 || done.has(UPDATE_CHECKLIST[index - 1]!.id);
            return (
              <li key={item.id} data-testid={`maint-item-${item.id}`}>
                <Checkbox
                  checked={done.has(item.id)}
                  disabled={!canOperate || !previousDone}
                  onChange={(event) => toggle(index, event.target.checked)}
                >
                  {item.label}
                </Checkbox>
                <div className="adm-maint-detail">{item.detail}</div>
              </li>
            );
          })}
        </ol>
        {allDone && (
          <Alert
            type="success"
            showIcon
            title={`检查清单已全部完成：${AVAILABLE_VERSION.version} 已按维护规范更新，请发布维护结束通知。`}
          />
        )}
      </Card>
    </div>
  );
}
