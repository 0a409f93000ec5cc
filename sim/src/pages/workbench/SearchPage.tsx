import { Card, Empty, List, Tag, Typography } from 'antd';
import { useHashRoute } from '../../shared/hash-route';
import { useSimData } from '../../shared/use-sim-data';
import type { SearchEntry } from '../../shared/worklist';
import { allSearchEntries } from '../../shared/worklist';
import { HELP_ARTICLES } from './help-data';

const HELP_ENTRIES: SearchEntry[] = HELP_ARTICLES.map((a) => ({
  id: `help-${a.id}`,
  kind: '帮助',
  title: a.title,
  summary: a.body.join(' '),
  href: `index.html#/help?id=${a.id}`,
}));

function matches(entry: SearchEntry, terms: string[]): boolean {
  const haystack = [entry.title, entry.summary, ...(entry.keywords ?? [])].join(' ').toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** 全局搜索: documents, applications (published by 便民服务) and help articles. */
export function SearchPage() {
  const route = useHashRoute();
  const q = (route.query.get('q') ?? '').trim();
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const entries = useSimData(() => [...allSearchEntries(), ...HELP_ENTRIES]);
  const hits = terms.length ? entries.filter((e) => matches(e, terms)) : [];
  return (
    <Card title={q ? `“${q}”的搜索结果（${hits.length}）` : '全局搜索'}>
      {hits.length === 0 ? (
        <Empty
          description={
            q ? '未找到相关公文、办件或帮助内容，请更换关键词' : '请在顶部搜索框输入关键词'
          }
        />
      ) : (
        <List
          dataSource={hits}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color="blue">{e.kind}</Tag>
                    <a href={e.href}>{e.title}</a>
                  </span>
                }
                description={
                  <Typography.Text type="secondary">{e.summary.slice(0, 120)}</Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
