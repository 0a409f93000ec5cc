import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Session } from '../../shared/session';
import { serviceApi } from '../../modules/service/sim-service';
import { ServiceError } from '../../modules/service/store';
import { isRowValid, parseImportCsv, parseImportXlsx } from '../../modules/service/import';
import type { ImportPreview, ImportRow } from '../../modules/service/import';
import { FIELD_LABELS, FIELD_ORDER } from '../../modules/service/types';
import type { LicenceApplication } from '../../modules/service/types';

async function readPreview(file: File): Promise<ImportPreview> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return parseImportCsv(await file.text());
  if (name.endsWith('.xlsx')) return parseImportXlsx(await file.arrayBuffer());
  return { rows: [], fileErrors: ['仅支持 .xlsx 或 .csv 文件，请使用导入模板'] };
}

/** 模板导入: batch-process similar applications (训练方案: 减少重复录入). */
export function ImportPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<LicenceApplication[] | null>(null);
  const validRows = preview?.rows.filter(isRowValid) ?? [];
  const badRows = (preview?.rows.length ?? 0) - validRows.length;

  const columns: TableColumnsType<ImportRow> = [
    { title: '行号', dataIndex: 'rowNumber', width: 60, fixed: 'left' },
    ...FIELD_ORDER.map((key) => ({
      title: FIELD_LABELS[key],
      key,
      width:
        key === 'scope'
          ? 200
          : key === 'creditCode' || key === 'idNumber' || key === 'companyName'
            ? 200
            : 120,
      ellipsis: key === 'scope',
      render: (_: unknown, row: ImportRow) => (
        <span style={row.errors[key] ? { color: '#cf1322' } : undefined}>
          {row.fields[key] || '（空）'}
        </span>
      ),
    })),
    {
      title: '校验结果',
      key: 'result',
      width: 340,
      fixed: 'right',
      render: (_, row) =>
        isRowValid(row) ? (
          <Tag color="success">通过</Tag>
        ) : (
          <ul className="svc-row-error">
            {[...Object.values(row.errors), ...row.rowErrors].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ),
    },
  ];

  const doImport = () => {
    try {
      const result = serviceApi.importBatch(
        validRows.map((r) => r.fields),
        { account: session.account, name: session.user.name },
      );
      setCreated(result);
      setPreview(null);
      message.success(`已导入 ${result.length} 件申请并提交审批`);
    } catch (error) {
      message.error(error instanceof ServiceError ? error.message : '导入失败');
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        模板导入 · 批量受理营业执照申请
      </Typography.Title>
      <Card title="第一步：下载导入模板" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href="templates/business-licence-import.xlsx"
            download="营业执照申请导入模板.xlsx"
          >
            下载 Excel 模板（.xlsx）
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href="templates/business-licence-import.csv"
            download="营业执照申请导入模板.csv"
          >
            下载 CSV 模板（.csv）
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          模板列：{FIELD_ORDER.map((k) => FIELD_LABELS[k]).join('、')}
          。第2行为填写示例。导入的申请视为材料已在窗口核对齐全，将直接提交部门审批。
        </Typography.Paragraph>
      </Card>
      <Card title="第二步：上传填好的文件" style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            setCreated(null);
            setFileName(file.name);
            void readPreview(file).then(setPreview);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽文件到此区域上传</p>
          <p className="ant-upload-hint">支持 .xlsx、.csv，单次不超过 500 行</p>
        </Upload.Dragger>
      </Card>
      {preview && (
        <Card title={`第三步：预览与校验（${fileName ?? ''}）`} data-testid="import-preview">
          {preview.fileErrors.map((e) => (
            <Alert key={e} type="error" showIcon title={e} style={{ marginBottom: 12 }} />
          ))}
          {preview.rows.length > 0 && (
            <>
              <Alert
                style={{ marginBottom: 12 }}
                showIcon
                type={badRows > 0 ? 'warning' : 'success'}
                title={`共 ${preview.rows.length} 行：校验通过 ${validRows.length} 行，有错误 ${badRows} 行${badRows > 0 ? '（有错误的行不会导入，请修改后重新上传）' : ''}`}
              />
              <Table<ImportRow>
                rowKey="rowNumber"
                size="small"
                columns={columns}
                dataSource={preview.rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 1600 }}
              />
              <div className="svc-actions">
                <Button type="primary" disabled={validRows.length === 0} onClick={doImport}>
                  导入 {validRows.length} 条有效数据
                </Button>
                <Button onClick={() => setPreview(null)}>取消</Button>
              </div>
            </>
          )}
        </Card>
      )}
      {created && (
        <Alert
          type="success"
          showIcon
          title={`已导入 ${created.length} 件申请，已提交李四审批`}
          description={
            <span>
              受理编号：
              {created.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && '、'}
                  <a href={`service.html#/progress?q=${a.id}`}>{a.id}</a>
                </span>
              ))}
            </span>
          }
        />
      )}
    </div>
  );
}
