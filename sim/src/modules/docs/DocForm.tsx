import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { formatFileSize } from '../../shared/format';
import type { Session } from '../../shared/session';
import type { Attachment, DocInput, DocType, OfficialDocument } from './store';
import {
  DOC_TYPES,
  DocFlowError,
  RECIPIENT_OPTIONS,
  attachmentProblem,
  saveDraft,
  submitForReview,
} from './store';

interface FormValues {
  docType: DocType;
  title: string;
  recipients: string[];
  body: string;
}

function toUploadFile(a: Attachment, index: number): UploadFile {
  return { uid: `saved-${index}`, name: a.name, size: a.size, type: a.type, status: 'done' };
}

function toAttachment(f: UploadFile): Attachment {
  return { name: f.name, size: f.size ?? 0, type: f.type ?? '' };
}

/** 新建公文 / 修改公文. */
export function DocForm({ session, doc }: { session: Session; doc?: OfficialDocument }) {
  const { user } = session;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>(() => doc?.attachments.map(toUploadFile) ?? []);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const lastReturn = doc?.history.filter((e) => e.action === 'return').pop();

  const collect = async (validate: boolean): Promise<DocInput | null> => {
    try {
      const values = validate
        ? await form.validateFields()
        : (form.getFieldsValue(true) as Partial<FormValues>);
      if (!validate && !values.title?.trim()) {
        form.setFields([{ name: 'title', errors: ['保存草稿前请至少填写标题'] }]);
        return null;
      }
      return {
        docType: values.docType ?? '通知',
        title: (values.title ?? '').trim(),
        recipients: values.recipients ?? [],
        body: values.body ?? '',
        attachments: files.map(toAttachment),
      };
    } catch {
      message.error('请按提示完善公文内容后再提交');
      return null;
    }
  };

  const run = (action: (input: DocInput) => OfficialDocument, validate: boolean, ok: string) =>
    void collect(validate).then((input) => {
      if (!input) return;
      try {
        const saved = action(input);
        message.success(ok);
        window.location.hash = `#/docs/${encodeURIComponent(saved.id)}`;
      } catch (error) {
        message.error(error instanceof DocFlowError ? error.message : '保存失败，请稍后重试');
      }
    });

  return (
    <Card
      title={doc ? `修改公文：${doc.title}` : '新建公文'}
      extra={<a href="index.html#/docs">返回公文列表</a>}
    >
      {lastReturn && doc?.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已被“${lastReturn.role}”（${lastReturn.actorName}）退回`}
          description={`退回意见：${lastReturn.opinion ?? ''}。请修改后重新提交审核。`}
        />
      )}
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="拟稿单位">{doc?.department ?? user.department}</Descriptions.Item>
        <Descriptions.Item label="拟稿人">{doc?.drafterName ?? user.name}</Descriptions.Item>
        <Descriptions.Item label="审核流程">
          部门负责人 → 办公室 → 分管领导 → 归档
        </Descriptions.Item>
      </Descriptions>
      <Form<FormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        wrapperCol={{ flex: 'auto' }}
        style={{ maxWidth: 900 }}
        initialValues={
          doc
            ? {
                docType: doc.docType,
                title: doc.title,
                recipients: doc.recipients,
                body: doc.body,
              }
            : { docType: '通知', recipients: [] }
        }
      >
        <Form.Item
          label="文种"
          name="docType"
          rules={[{ required: true, message: '请选择文种' }]}
          extra="请示应一文一事；报告中不得夹带请示事项。"
        >
          <Select
            style={{ width: 200 }}
            options={DOC_TYPES.map((t) => ({ value: t, label: t }))}
            onChange={() => void form.validateFields(['title']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          dependencies={['docType']}
          rules={[
            { required: true, whitespace: true, message: '请输入公文标题' },
            { max: 80, message: '标题不超过80个字' },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                const docType = getFieldValue('docType') as DocType | undefined;
                if (!value?.trim() || !docType || value.trim().endsWith(docType)) {
                  return Promise.resolve();
                }
                return Promise.reject(new Error(`标题应以文种结尾，如“关于……的${docType}”`));
              },
            }),
          ]}
        >
          <Input
            placeholder="如：关于召开2026年第四季度安全生产工作会议的通知"
            maxLength={80}
            showCount
          />
        </Form.Item>
        <Form.Item
          label="主送机关"
          name="recipients"
          rules={[{ required: true, type: 'array', min: 1, message: '请选择主送机关' }]}
        >
          <Select
            mode="multiple"
            placeholder="请选择主送机关（可多选）"
            options={RECIPIENT_OPTIONS.map((r) => ({ value: r, label: r }))}
          />
        </Form.Item>
        <Form.Item
          label="正文"
          name="body"
          rules={[{ required: true, whitespace: true, message: '请输入正文' }]}
        >
          <Input.TextArea rows={8} placeholder="请输入公文正文" />
        </Form.Item>
        <Form.Item
          label="附件"
          extra="支持 PDF、Word 格式（.pdf、.doc、.docx），单个文件不超过 10 MB。"
        >
          <Upload
            multiple
            accept=".pdf,.doc,.docx"
            fileList={files}
            beforeUpload={(file) => {
              const problem = attachmentProblem(file);
              if (problem) {
                message.error(problem);
                setUploadErrors((errors) => [...errors, problem]);
                return Upload.LIST_IGNORE;
              }
              const accepted: UploadFile = {
                uid: file.uid,
                name: file.name,
                size: file.size,
                type: file.type,
                status: 'done',
              };
              setFiles((list) => [...list, accepted]);
              // Metadata only: nothing is sent anywhere.
              return false;
            }}
            onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
            itemRender={(node, file) => (
              <div title={file.name}>
                {node}
                <span className="doc-file-size">{formatFileSize(file.size ?? 0)}</span>
              </div>
            )}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          {uploadErrors.length > 0 && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setUploadErrors([]) }}
              style={{ marginTop: 8 }}
              data-testid="upload-errors"
              title="以下文件未能添加"
              description={
                <ul className="doc-upload-errors">
                  {uploadErrors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button
              type="primary"
              onClick={() =>
                run(
                  (input) => submitForReview(input, user, doc?.id),
                  true,
                  '已提交审核，流转至部门负责人',
                )
              }
            >
              {doc?.status === 'returned' ? '重新提交审核' : '提交审核'}
            </Button>
            <Button
              onClick={() => run((input) => saveDraft(input, user, doc?.id), false, '草稿已保存')}
            >
              保存草稿
            </Button>
            <Button href="index.html#/docs">取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
