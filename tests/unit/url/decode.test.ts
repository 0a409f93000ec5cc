import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeDecode } from '../../../lib/url/decode';

describe('safeDecode', () => {
  it('decodes valid UTF-8 escapes exactly like decodeURIComponent', () => {
    for (const text of [
      '%E5%BC%A0%E4%B8%89',
      'a%20b%2Fc%3F%23',
      '%F0%9F%98%80 emoji',
      '%C2%A9%7F%00',
      'plain/path.html',
    ]) {
      expect(safeDecode(text)).toBe(decodeURIComponent(text));
    }
  });

  it('leaves GBK escapes (not UTF-8) as they were written', () => {
    // 张三 in GBK.
    expect(() => decodeURIComponent('/files/%D5%C5%C8%FD.html')).toThrow(URIError);
    expect(safeDecode('/files/%D5%C5%C8%FD.html')).toBe('/files/%D5%C5%C8%FD.html');
  });

  it('leaves truncated, broken and lone escapes alone and decodes the valid ones around them', () => {
    expect(safeDecode('%E4%B8')).toBe('%E4%B8');
    expect(safeDecode('%zz')).toBe('%zz');
    expect(safeDecode('%')).toBe('%');
    expect(safeDecode('100%')).toBe('100%');
    expect(safeDecode('%4')).toBe('%4');
    expect(safeDecode('%E5%BC%A0%D5%C5%E4%B8%89')).toBe('张%D5%C5三');
    expect(safeDecode('%E4%B8%zz%41')).toBe('%E4%B8%zzA');
    expect(safeDecode('%e5%bc%a0%d5')).toBe('张%D5');
  });

  it('refuses overlong forms, encoded surrogates and code points above U+10FFFF', () => {
    expect(safeDecode('%C0%AF')).toBe('%C0%AF'); // overlong "/"
    expect(safeDecode('%E0%80%AF')).toBe('%E0%80%AF');
    expect(safeDecode('%ED%A0%80')).toBe('%ED%A0%80'); // U+D800
    expect(safeDecode('%F4%90%80%80')).toBe('%F4%90%80%80');
    expect(safeDecode('%F4%8F%BF%BF')).toBe('\u{10FFFF}');
  });

  it('never throws, whatever it is given', () => {
    const samples = ['%', '%%', '%%%41', '%8', '%FF%FE', '%C3', '%C3%', '%C3%28', '%%E4%B8%AD'];
    for (const sample of samples) expect(() => safeDecode(sample)).not.toThrow();
    expect(safeDecode('%%E4%B8%AD')).toBe('%中');
    // Every byte value, alone and after a lead byte.
    for (let byte = 0; byte < 256; byte += 1) {
      const hex = byte.toString(16).padStart(2, '0');
      expect(() => safeDecode(`%${hex}`)).not.toThrow();
      expect(() => safeDecode(`%E4%${hex}%B8`)).not.toThrow();
    }
  });

  it('is the only URL decoder: no decodeURI/decodeURIComponent call in the extension or scripts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/u.test(entry.name) && path !== join('lib', 'url', 'decode.ts')) {
          if (/\bdecodeURI(Component)?\(/u.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints', 'scripts']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
