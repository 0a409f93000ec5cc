// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../components/markdown/Markdown';
import { renderMarkdown } from '../../../components/markdown/markdown-dom';

// The help views render with React (Markdown.tsx), the tour card without (markdown-dom.ts): both
// must show trainers' text the same way. Markup is compared as the browser serialises it (React
// also escapes quotes in text, the DOM does not).
const react = (source: string) =>
  renderToStaticMarkup(<Markdown source={source} />)
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('<br/>', '<br>');
const dom = (source: string) => {
  const box = document.createElement('div');
  box.append(renderMarkdown(source));
  return box.innerHTML;
};

describe.each([
  ['React (help views)', react],
  ['DOM (tour card)', dom],
])('Markdown in tour text, %s', (_name, html) => {
  it('renders emphasis, code and lists the way trainers write them', () => {
    expect(html('通知、请示、报告三选一。**请示**须一文一事。')).toBe(
      '<p>通知、请示、报告三选一。<strong>请示</strong>须一文一事。</p>',
    );
    expect(html('- 仅支持 `PDF` / Word\n- 单个文件不超过 10 MB')).toBe(
      '<ul><li>仅支持 <code>PDF</code> / Word</li><li>单个文件不超过 10 MB</li></ul>',
    );
  });

  it('shows raw HTML as text, so a tour cannot inject markup or script', () => {
    const out = html('点击 <img src=x onerror="alert(1)"> 或 <script>alert(2)</script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it('keeps http(s) links, opening in a new tab, and drops javascript: links', () => {
    expect(html('[操作手册](https://help.example/manual)')).toBe(
      '<p><a href="https://help.example/manual" target="_blank" rel="noopener noreferrer">操作手册</a></p>',
    );
    expect(html('[点我](javascript:alert(1))')).toBe('<p>点我</p>');
  });

  it('shows code with the characters the author typed', () => {
    expect(html('输入 `a < b && c`')).toBe('<p>输入 <code>a &lt; b &amp;&amp; c</code></p>');
  });

  it('renders headings as bold lines, quotes, line breaks and fenced code', () => {
    expect(html('## 注意\n\n> 引用\n\n第一行\n第二行\n\n```\nx <y>\n```')).toBe(
      '<p><strong>注意</strong></p><blockquote><p>引用</p></blockquote>' +
        '<p>第一行<br>第二行</p><pre><code>x &lt;y&gt;</code></pre>',
    );
  });
});
