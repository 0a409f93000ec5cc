import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Result,
  Space,
  Steps,
  Timeline,
  Typography,
} from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { formatDateTime, formatFileSize } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { reviewerFor } from '../../shared/users';
import { DocStatusTag } from './DocList';
import type { FlowEvent, OfficialDocument } from './store';
import {
  DocFlowError,
  REVIEW_CHAIN,
  approve,
  canEdit,
  getDoc,
  isReviewerOf,
  lastEventAt,
  returnToDrafter,
  submitForReview,
} from './store';

const ACTION_LABEL: Record<FlowEvent['action'], string> = {
  submit: '提交审核',
  approve: '同意',
  return: '退回',
  archive: '自动归档',
};

const ACTION_COLOR: Record<FlowEvent['action'], string> = {
  submit: 'blue',
  approve: 'green',
  return: 'red',
  archive: 'gray',
};

function FlowSteps({ doc }: { doc: OfficialDocument }) {
  const submit = lastEventAt(doc, '拟稿人');
  const current = doc.status === 'archived' ? 4 : doc.status === 'reviewing' ? doc.step + 1 : 0;
  const status =
    doc.status === 'returned' ? 'error' : doc.status === 'archived' ? 'finish' : 'process';
  const items = [
    {
      title: '拟稿',
      content:
        submit && doc.status !== 'returned' && doc.status !== 'draft'
          ? `${doc.drafterName} · ${formatDateTime(submit.at)}`
          : doc.drafterName,
    },
    ...REVIEW_CHAIN.map((role, index) => {
      const event = lastEventAt(doc, role);
      const person = reviewerFor(role);
      const done =
        event && (doc.status === 'archived' || (doc.status === 'reviewing' && index < doc.step));
      return {
        title: role,
        content:
          done && event
            ? `${event.actorName} · ${formatDateTime(event.at)}`
            : `${person?.name ?? '未配置'}${doc.status === 'reviewing' && index === doc.step ? ' · 待审核' : ''}`,
      };
    }),
    {
      title: '归档',
      content: doc.archive ? formatDateTime(doc.archive.archivedAt) : '自动存入公文库',
    },
  ];
  return <Steps current={current} status={status} items={items} size="small" />;
}

function ReviewPanel({ doc, session }: { doc: OfficialDocument; session: Session }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const [busy, setBusy] = useState(false);
  const act = (kind: 'approve' | 'return') => {
    const opinion = (form.getFieldValue('opinion') as string | undefined) ?? '';
    if (kind === 'return' && !opinion.trim()) {
      form.setFields([{ name: 'opinion', errors: ['退回时必须填写审核意见，说明需要修改的内容'] }]);
      return;
    }
    setBusy(true);
    try {
      const next =
        kind === 'approve'
          ? approve(doc.id, session.user, opinion)
          : returnToDrafter(doc.id, session.user, opinion);
      form.resetFields();
      message.success(
        kind === 'return'
          ? '已退回拟稿人'
          : next.status === 'archived'
            ? `审核完成，已自动归档至 ${next.archive?.path ?? '公文库'}`
            : `已同意，流转至${REVIEW_CHAIN[next.step] ?? ''}`,
      );
    } catch (error) {
      message.error(error instanceof DocFlowError ? error.message : '办理失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`审核办理（当前环节：${REVIEW_CHAIN[doc.step] ?? ''}）`} style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item
          label="审核意见"
          name="opinion"
          extra="同意时可不填（默认“同意”）；退回时必须填写。"
        >
          <Input.TextArea rows={3} placeholder="请输入审核意见" maxLength={500} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} onClick={() => act('approve')}>
            同意
          </Button>
          <Button danger loading={busy} onClick={() => act('return')}>
            退回
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** 公文详情: content, flow steps with per-node time, full timeline, and the actions allowed. */
export function DocDetail({ session, id }: { session: Session; id: string }) {
  const doc = useSimData(() => getDoc(id));
  const { message } = App.useApp();
  if (!doc) {
    return (
      <Result
        status="404"
        title="公文不存在"
        subTitle="该公文可能已被删除，或演示数据已被重置。"
        extra={<Button href="index.html#/docs">返回公文列表</Button>}
      />
    );
  }
  const { user } = session;
  const lastReturn = doc.history.filter((e) => e.action === 'return').pop();
  const submitDraft = () => {
    try {
      submitForReview(
        {
          docType: doc.docType,
          title: doc.title,
          recipients: doc.recipients,
          body: doc.body,
          attachments: doc.attachments,
        },
        user,
        doc.id,
      );
      message.success('已提交审核，流转至部门负责人');
    } catch (error) {
      message.error(error instanceof DocFlowError ? error.message : '提交失败');
    }
  };
  const incomplete = !doc.body.trim() || doc.recipients.length === 0;
  return (
    <div data-testid="doc-detail">
      <Card
        title={
          <Space>
            <span>{doc.title}</span>
            <DocStatusTag status={doc.status} />
          </Space>
        }
        extra={
          <Space>
            {canEdit(doc, user) && (
              <Button href={`index.html#/docs/${encodeURIComponent(doc.id)}/edit`}>
                {doc.status === 'returned' ? '修改后重新提交' : '修改'}
              </Button>
            )}
            {canEdit(doc, user) && doc.status === 'draft' && (
              <Button type="primary" disabled={incomplete} onClick={submitDraft}>
                提交审核
              </Button>
            )}
            <a href="index.html#/docs">返回公文列表</a>
          </Space>
        }
      >
        {doc.status === 'returned' && lastReturn && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`已被“${lastReturn.role}”（${lastReturn.actorName}）退回`}
            description={`退回意见：${lastReturn.opinion ?? ''}`}
          />
        )}
        {doc.status === 'archived' && doc.archive && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title="已归档（自动存入公文库）"
            description={
              <div data-testid="archive-info">
                <div>归档文件名：{doc.archive.fileName}</div>
                <div>
                  存储路径：{doc.archive.path}（
                  <a href={`index.html#/docs/library?y=${doc.archive.year}&m=${doc.archive.month}`}>
                    在公文库中查看
                  </a>
                  ）
                </div>
              </div>
            }
          />
        )}
        <div style={{ margin: '8px 0 24px' }}>
          <FlowSteps doc={doc} />
        </div>
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label="文种">{doc.docType}</Descriptions.Item>
          <Descriptions.Item label="拟稿单位">{doc.department}</Descriptions.Item>
          <Descriptions.Item label="拟稿人">{doc.drafterName}</Descriptions.Item>
          <Descriptions.Item label="创建时间">{formatDateTime(doc.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="主送机关" span={2}>
            {doc.recipients.join('、') || '（未填写）'}
          </Descriptions.Item>
          <Descriptions.Item label="正文" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {doc.body || '（未填写）'}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="附件" span={2}>
            {doc.attachments.length === 0 ? (
              '无'
            ) : (
              <List
                size="small"
                dataSource={doc.attachments}
                renderItem={(a) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <FileTextOutlined /> {a.name}（{formatFileSize(a.size)}）
                  </List.Item>
                )}
              />
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {isReviewerOf(doc, user) && <ReviewPanel doc={doc} session={session} />}
      <Card title="流转记录" style={{ marginTop: 16 }}>
        {doc.history.length === 0 ? (
          <Typography.Text type="secondary">草稿尚未提交审核。</Typography.Text>
        ) : (
          <Timeline
            items={doc.history.map((e) => ({
              color: ACTION_COLOR[e.action],
              content: (
                <div>
                  <Space size={8}>
                    <strong>{ACTION_LABEL[e.action]}</strong>
                    <span>
                      {e.role} · {e.actorName}
                    </span>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                  </Space>
                  {e.opinion && <div className="doc-opinion">意见：{e.opinion}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
