// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../components/markdown/Markdown';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown in tour text', () => {
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
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
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
});
