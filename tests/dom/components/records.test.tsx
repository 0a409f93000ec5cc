// @vitest-environment happy-dom
/**
 * RecordTable and RecordList (components/Records.tsx): the extension pages' tables and lists of
 * records, with column headings a screen reader names, and a muted line when there is nothing.
 */
import { describe, expect, it } from 'vitest';
import { RecordList, RecordTable } from '../../../components/Records';
import { reactRoot } from '../../support/react-root';

interface Miss {
  query: string;
  count: number;
}

describe('RecordTable and RecordList', () => {
  const page = reactRoot();
  const render = page.render;

  const table = (rows: readonly Miss[] | null, empty?: string) => (
    <RecordTable
      rows={rows}
      empty={empty}
      testId="misses"
      caption="未找到"
      columns={['词', '次数']}
    >
      {(row) => (
        <tr key={row.query}>
          <td>{row.query}</td>
          <td>{row.count}</td>
        </tr>
      )}
    </RecordTable>
  );

  it('draws the headings as column headers, then one row per record in order', () => {
    render(
      table([
        { query: '公文', count: 3 },
        { query: '请假', count: 1 },
      ]),
    );
    const drawn = page.host.querySelector('table[data-testid="misses"]');
    expect(drawn?.querySelector('caption')?.textContent).toBe('未找到');
    const headings = [...(drawn?.querySelectorAll('thead th') ?? [])];
    expect(headings.map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['词', 'col'],
      ['次数', 'col'],
    ]);
    expect([...(drawn?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.textContent)).toEqual([
      '公文3',
      '请假1',
    ]);
  });

  it('says `empty` instead of an empty table, draws nothing while loading, and keeps an empty table without it', () => {
    render(table([], '没有记录'));
    expect(page.host.querySelector('table')).toBeNull();
    expect(page.host.querySelector('p.zy-muted')?.textContent).toBe('没有记录');
    render(table(null, '没有记录'));
    expect(page.host.innerHTML).toBe('');
    render(table([]));
    expect(page.host.querySelectorAll('table thead th')).toHaveLength(2);
    expect(page.host.querySelectorAll('table tbody tr')).toHaveLength(0);
  });

  it('lists records as a .zy-list, or says `empty`', () => {
    const list = (rows: readonly Miss[]) => (
      <RecordList rows={rows} empty="这里没有引导" testId="tours">
        {(row) => <li key={row.query}>{row.query}</li>}
      </RecordList>
    );
    render(list([{ query: '公文', count: 1 }]));
    expect(page.host.querySelector('ul.zy-list[data-testid="tours"]')?.textContent).toBe('公文');
    render(list([]));
    expect(page.host.querySelector('ul')).toBeNull();
    expect(page.host.querySelector('p.zy-muted')?.textContent).toBe('这里没有引导');
  });
});
