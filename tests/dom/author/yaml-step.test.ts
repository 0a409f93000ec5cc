// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { proposeLocators } from '../../../features/author/propose';
import { stepYaml } from '../../../features/author/yaml-step';
import { StepSchema, TourSchema } from '../../../features/tour/schema';
import { loadFixture } from '../locate/load-fixture';

function firstProposal(selector: string) {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  const [proposal] = proposeLocators(element, document, { layout: false });
  if (!proposal) throw new Error(`no proposal for ${selector}`);
  return proposal;
}

describe('stepYaml', () => {
  it('writes one valid step to paste under steps:, locator on one line, advance from the element', () => {
    loadFixture('antd-form.html');
    const yaml = stepYaml(firstProposal('#doc_type'));
    expect(yaml).toBe(
      [
        '- id: wen-zhong',
        '  target: { label: 文种 }',
        '  body: 请选择「文种」。',
        '  advance: { on: change }',
        '',
      ].join('\n'),
    );
    const steps = parse(yaml) as unknown[];
    expect(StepSchema.safeParse(steps[0]).success).toBe(true);
  });

  it('pastes into a tour that the schema accepts, with title, body and advance from the author', () => {
    loadFixture('antd-table.html');
    const yaml = stepYaml(firstProposal('tr[data-row-key="7"] a[href="#/docs/view"]'), {
      title: '查看公文',
      body: '点击**查看**打开公文详情。',
    });
    const tour = parse(
      `id: t\ntitle: T\nsummary: S\nmodule: 操作\naudience: [基层用户]\napplies: { url: '/x*' }\nsteps:\n${yaml.replace(/^/gmu, '  ')}`,
    ) as unknown;
    const parsed = TourSchema.safeParse(tour);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.steps[0]).toMatchObject({
      id: 'cha-kan',
      title: '查看公文',
      body: '点击**查看**打开公文详情。',
      target: {
        role: 'link',
        name: '查看',
        within: { role: 'row', name: '办〔2024〕7号', exact: false },
      },
      advance: { on: 'click' },
    });
  });

  it('suggests input for text fields and keeps CSS notes editable as a block', () => {
    loadFixture('antd-form.html');
    expect(stepYaml(firstProposal('#doc_title'))).toContain('advance: { on: input }');
    const element = document.querySelector('#doc_title') as Element;
    const css = proposeLocators(element, document, { layout: false }).find((p) => p.kind === 'css');
    const yaml = stepYaml(css as NonNullable<typeof css>);
    expect(yaml).toContain('    css:\n      - selector: "#doc_title"\n        note: ');
    expect(StepSchema.safeParse((parse(yaml) as unknown[])[0]).success).toBe(true);
  });

  it('refuses options that would make an invalid step', () => {
    loadFixture('antd-form.html');
    expect(() => stepYaml(firstProposal('#doc_type'), { id: '文种' })).toThrow(
      /id: 步骤 id 只能用小写英文字母.* \/ step id must be kebab-case/u,
    );
    expect(() => stepYaml(firstProposal('#doc_type'), { body: '  ' })).toThrow(/body/u);
  });
});
