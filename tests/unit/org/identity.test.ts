import { describe, expect, it } from 'vitest';
import { parseOrgIdentity } from '../../../features/org/identity';
import { createStatementFactory } from '../../../features/xapi/statements';
import { xapiProblems } from '../xapi/validate';

describe('organisation context in statements', () => {
  it('adds department and role as context extensions, still valid xAPI', () => {
    const factory = createStatementFactory({
      homePage: 'https://oa.example.gov.cn',
      accountName: 'staff-1',
      department: ' 办公室 ',
      role: '业务操作人员',
    });
    const statement = factory.tourAttempted({ tourId: 't', tourTitle: 'T', at: 0 });
    expect(statement.context.extensions).toEqual({
      'https://zhiyin.example/xapi/extensions/department': '办公室',
      'https://zhiyin.example/xapi/extensions/role': '业务操作人员',
    });
    expect(xapiProblems(statement)).toEqual([]);
  });

  it('sends no extension when neither is known (statements as before)', () => {
    const factory = createStatementFactory({ homePage: 'https://oa.example', accountName: 'x' });
    expect(
      factory.tourAttempted({ tourId: 't', tourTitle: 'T', at: 0 }).context,
    ).not.toHaveProperty('extensions');
  });

  it('reads the policy identity field by field, dropping what is unusable', () => {
    expect(
      parseOrgIdentity({
        account: 'zhangsan',
        department: '行政审批科',
        homePage: 'http://oa.example.gov.cn',
        name: 7,
      }),
    ).toEqual({ account: 'zhangsan', department: '行政审批科' });
    expect(parseOrgIdentity({ homePage: 'https://oa.example.gov.cn' })).toEqual({
      homePage: 'https://oa.example.gov.cn',
    });
    expect(parseOrgIdentity('办公室')).toBeNull();
    expect(parseOrgIdentity({ department: '' })).toBeNull();
  });
});
