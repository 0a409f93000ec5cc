import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Steps,
  Typography,
} from 'antd';
import type { Session } from '../../shared/session';
import { normalizeIdNumber } from '../../modules/service/identity';
import { serviceApi } from '../../modules/service/sim-service';
import { LICENCE_REVIEWER, ServiceError } from '../../modules/service/store';
import { REGIONS, REQUIRED_MATERIALS } from '../../modules/service/types';
import type { LicenceApplication, LicenceFields, Material } from '../../modules/service/types';
import {
  checkMaterials,
  creditCodeError,
  idNumberError,
  phoneError,
} from '../../modules/service/validate';

const STEP_TITLES = ['接收群众申请', '核对材料', '录入信息', '提交审批', '反馈结果'];

/** antd rule that runs one of the module's validators (same messages as the batch import). */
function ruleFrom(check: (value: string) => string | undefined) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const problem = check(value ?? '');
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

export function ApplyPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [identityChecked, setIdentityChecked] = useState(false);
  const [materials, setMaterials] = useState<Material[]>([]);
  const [materialsChecked, setMaterialsChecked] = useState(false);
  const [fields, setFields] = useState<LicenceFields | null>(null);
  const [submitted, setSubmitted] = useState<LicenceApplication | null>(null);
  const [form] = Form.useForm<LicenceFields>();
  const materialCheck = checkMaterials(materials);

  const restart = () => {
    setStep(0);
    setIdentityChecked(false);
    setMaterials([]);
    setMaterialsChecked(false);
    setFields(null);
    setSubmitted(null);
    form.resetFields();
  };

  const submit = () => {
    if (!fields) return;
    try {
      const app = serviceApi.submit(fields, materials, {
        account: session.account,
        name: session.user.name,
      });
      setSubmitted(app);
      setStep(4);
      message.success(`已提交审批，受理编号 ${app.id}`);
    } catch (error) {
      message.error(error instanceof ServiceError ? error.message : '提交失败，请稍后重试');
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        营业执照办理（企业设立登记）
      </Typography.Title>
      <Card>
        <Steps
          className="svc-steps"
          current={step}
          items={STEP_TITLES.map((title) => ({ title }))}
        />

        {step === 0 && (
          <div className="svc-form">
            <Descriptions
              bordered
              column={1}
              size="small"
              items={[
                { key: '0', label: '办理事项', children: <>营业执照办理（企业设立登记）</> },
                { key: '1', label: '受理方式', children: <>窗口受理</> },
                {
                  key: '2',
                  label: '受理人',
                  children: (
                    <>
                      {session.user.name}（{session.user.department}）
                    </>
                  ),
                },
                { key: '3', label: '承诺时限', children: <>3个工作日</> },
              ]}
            />
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title="受理前须核对申请人身份（操作规范“四必须”：必须核对用户身份）"
            />
            <div style={{ marginTop: 16 }}>
              <Checkbox
                checked={identityChecked}
                onChange={(e) => setIdentityChecked(e.target.checked)}
              >
                已核对申请人身份证件原件，人证一致
              </Checkbox>
            </div>
            <div className="svc-actions">
              <Button
                type="primary"
                onClick={() =>
                  identityChecked ? setStep(1) : message.warning('请先核对申请人身份证件')
                }
              >
                接收申请
              </Button>
            </div>
          </div>
        )}

        {step === 1 && (
          <div className="svc-form">
            <Typography.Paragraph>
              请逐项核对申请人提交的纸质材料，勾选已收取的材料后由系统校验完整性。
            </Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label="已收取材料">
                <Checkbox.Group
                  value={materials}
                  onChange={(v) => {
                    setMaterials(v as Material[]);
                    setMaterialsChecked(false);
                  }}
                  options={REQUIRED_MATERIALS.map((m) => ({ label: m, value: m }))}
                />
              </Form.Item>
            </Form>
            <Button onClick={() => setMaterialsChecked(true)}>系统校验材料</Button>
            {materialsChecked && (
              <Alert
                style={{ marginTop: 16 }}
                showIcon
                type={materialCheck.complete ? 'success' : 'error'}
                title={materialCheck.complete ? '材料齐全' : materialCheck.message}
                description={
                  materialCheck.complete
                    ? '必需材料已全部收取，可以录入申请信息。'
                    : '请告知申请人补齐材料后再受理（可出具一次性告知单）。'
                }
              />
            )}
            <div className="svc-actions">
              <Button onClick={() => setStep(0)}>上一步</Button>
              <Button
                type="primary"
                onClick={() => {
                  setMaterialsChecked(true);
                  if (materialCheck.complete) setStep(2);
                }}
              >
                下一步
              </Button>
            </div>
          </div>
        )}

        {step === 2 && (
          <Form<LicenceFields>
            form={form}
            className="svc-form"
            layout="horizontal"
            labelCol={{ span: 6 }}
            wrapperCol={{ span: 18 }}
            initialValues={fields ?? undefined}
            onFinish={(values) => {
              setFields({
                ...values,
                creditCode: values.creditCode.trim().toUpperCase(),
                // As the field guard reads it: full-width folded, a 15-digit number as 18 digits.
                idNumber: normalizeIdNumber(values.idNumber),
              });
              setStep(3);
            }}
          >
            <Form.Item
              label="企业名称"
              name="companyName"
              rules={[
                { required: true, whitespace: true, message: '请输入企业名称' },
                { min: 4, message: '企业名称至少4个字' },
              ]}
            >
              <Input placeholder="如：城关恒信商贸有限公司" maxLength={50} />
            </Form.Item>
            <Form.Item
              label="法人姓名"
              name="legalPerson"
              rules={[
                { required: true, whitespace: true, message: '请输入法人姓名' },
                { pattern: /^[\u4e00-\u9fa5·]{2,20}$/, message: '法人姓名应为2-20个汉字' },
              ]}
            >
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item
              label="统一社会信用代码"
              name="creditCode"
              required
              validateTrigger="onBlur"
              rules={[ruleFrom(creditCodeError)]}
              extra="18位，按 GB 32100-2015 自动校验"
            >
              <Input maxLength={18} placeholder="18位统一社会信用代码" />
            </Form.Item>
            <Form.Item
              label="法人身份证号"
              name="idNumber"
              required
              validateTrigger="onBlur"
              rules={[ruleFrom(idNumberError)]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item
              label="联系电话"
              name="phone"
              required
              validateTrigger="onBlur"
              rules={[ruleFrom(phoneError)]}
              extra="审批结果将以短信通知此号码"
            >
              <Input maxLength={11} placeholder="11位手机号码" />
            </Form.Item>
            <Form.Item
              label="所属地区"
              name="region"
              rules={[{ required: true, message: '请选择所属地区' }]}
            >
              <Select placeholder="请选择" options={REGIONS.map((r) => ({ label: r, value: r }))} />
            </Form.Item>
            <Form.Item
              label="经营范围"
              name="scope"
              rules={[{ required: true, whitespace: true, message: '请输入经营范围' }]}
            >
              <Input.TextArea rows={3} maxLength={200} showCount />
            </Form.Item>
            <Form.Item wrapperCol={{ offset: 6 }}>
              <div className="svc-actions" style={{ marginTop: 0 }}>
                <Button onClick={() => setStep(1)}>上一步</Button>
                <Button type="primary" htmlType="submit">
                  下一步
                </Button>
              </div>
            </Form.Item>
          </Form>
        )}

        {step === 3 && fields && (
          <div className="svc-form">
            <Descriptions
              title="请核对申请信息"
              bordered
              column={1}
              size="small"
              items={[
                { key: '0', label: '企业名称', children: fields.companyName },
                { key: '1', label: '法人姓名', children: fields.legalPerson },
                { key: '2', label: '统一社会信用代码', children: fields.creditCode },
                { key: '3', label: '法人身份证号', children: fields.idNumber },
                { key: '4', label: '联系电话', children: fields.phone },
                { key: '5', label: '所属地区', children: fields.region },
                { key: '6', label: '经营范围', children: fields.scope },
                { key: '7', label: '已收材料', children: materials.join('、') },
                { key: '8', label: '审批人', children: <>{LICENCE_REVIEWER.name}（部门负责人）</> },
              ]}
            />
            <div className="svc-actions">
              <Button onClick={() => setStep(2)}>上一步</Button>
              <Button type="primary" onClick={submit}>
                提交审批
              </Button>
            </div>
          </div>
        )}

        {step === 4 && submitted && (
          <Result
            status="success"
            title="已提交审批"
            subTitle={`受理编号：${submitted.id}。审批人${LICENCE_REVIEWER.name}办结后，系统将自动以短信将结果通知申请人（${submitted.phone.slice(0, 3)}****${submitted.phone.slice(7)}）。`}
            extra={[
              <Button
                type="primary"
                key="progress"
                href={`service.html#/progress?q=${submitted.id}`}
              >
                查看办理进度
              </Button>,
              <Button key="again" onClick={restart}>
                继续受理
              </Button>,
            ]}
          />
        )}
      </Card>
    </div>
  );
}
