import { describe, expect, it } from 'vitest';
import {
  checkAttachment,
  DEFAULT_ATTACHMENT_POLICY,
  fileExtension,
  formatFileSize,
} from '../../../lib/validators/attachment';

const MB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('checkAttachment with the default policy (PDF/Word, 10 MB)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_ATTACHMENT_POLICY.extensions).toEqual(['.pdf', '.doc', '.docx']);
    expect(DEFAULT_ATTACHMENT_POLICY.maxBytes).toBe(10 * MB);
  });

  it.each([
    { name: '关于开展安全检查的通知.pdf', size: 2 * MB, type: 'application/pdf' },
    { name: '请示.DOCX', size: 300 * 1024, type: DOCX },
    { name: '报告.doc', size: 10 * MB, type: 'application/msword' },
    // Browsers on machines without Office report an empty or generic type for Word files.
    { name: '报告.doc', size: MB, type: '' },
    { name: '报告.docx', size: MB, type: 'application/octet-stream' },
  ])('accepts $name ($type, $size bytes)', (file) => {
    expect(checkAttachment(file)).toEqual({ ok: true, problems: [] });
  });

  it('names the file and the allowed types for a wrong extension', () => {
    expect(checkAttachment({ name: '扫描件.jpg', size: MB, type: 'image/jpeg' })).toEqual({
      ok: false,
      problems: [
        {
          code: 'extension',
          message: '文件“扫描件.jpg”格式不支持，仅支持 PDF、Word（.pdf、.doc、.docx）',
        },
      ],
    });
    expect(checkAttachment({ name: '无扩展名', size: MB }).problems[0]?.code).toBe('extension');
    expect(checkAttachment({ name: '.pdf', size: MB }).problems[0]?.code).toBe('extension');
  });

  it('names the file, its size and the limit when it is too large', () => {
    expect(
      checkAttachment({ name: '年度报告.pdf', size: 12.5 * MB, type: 'application/pdf' }),
    ).toEqual({
      ok: false,
      problems: [
        { code: 'too-large', message: '文件“年度报告.pdf”大小为 12.5 MB，超过 10 MB 的限制' },
      ],
    });
  });

  it('shows bytes when rounding would make the size look equal to the limit', () => {
    const message = checkAttachment({ name: 'a.pdf', size: 10 * MB + 1 }).problems[0]?.message;
    expect(message).toBe(`文件“a.pdf”大小为 ${10 * MB + 1} 字节，超过 10 MB 的限制`);
  });

  it('reports a renamed file whose MIME type contradicts its extension', () => {
    const result = checkAttachment({ name: '通知.pdf', size: MB, type: 'image/png' });
    expect(result.problems.map((p) => p.code)).toEqual(['mime-mismatch']);
    expect(result.problems[0]?.message).toContain('image/png');
  });

  it('reports every problem at once and rejects empty files', () => {
    expect(checkAttachment({ name: 'x.exe', size: 20 * MB }).problems.map((p) => p.code)).toEqual([
      'extension',
      'too-large',
    ]);
    expect(checkAttachment({ name: '空.pdf', size: 0 }).problems.map((p) => p.code)).toEqual([
      'empty',
    ]);
  });

  it('applies a configured limit and extension list', () => {
    expect(
      checkAttachment({ name: 'a.pdf', size: 3 * MB }, { maxBytes: 2 * MB }).problems[0]?.message,
    ).toBe('文件“a.pdf”大小为 3 MB，超过 2 MB 的限制');
    expect(
      checkAttachment({ name: '表.xlsx', size: MB }, { extensions: ['.xlsx'], typeLabel: 'Excel' })
        .ok,
    ).toBe(true);
  });
});

describe('helpers', () => {
  it('formats sizes and extracts extensions', () => {
    expect(formatFileSize(10 * MB)).toBe('10 MB');
    expect(formatFileSize(1.25 * MB)).toBe('1.3 MB');
    expect(formatFileSize(800 * 1024)).toBe('800 KB');
    expect(formatFileSize(12)).toBe('12 B');
    expect(fileExtension('C:\\公文\\通知.final.PDF')).toBe('.pdf');
    expect(fileExtension('noext')).toBe('');
  });
});
