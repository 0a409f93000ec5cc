import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../lib/privacy/url';

describe('redactUrl', () => {
  it('drops query values but keeps their names', () => {
    expect(redactUrl('http://oa.example/login.html?redirect=/x&token=abc123')).toBe(
      'http://oa.example/login.html?redirect=&token=',
    );
  });

  it('keeps the SPA route in the fragment and drops its query values', () => {
    expect(redactUrl('http://oa.example/index.html#/docs/new?draft=42')).toBe(
      'http://oa.example/index.html#/docs/new?draft=',
    );
  });

  it('drops a fragment that is not a route (it may hold a token)', () => {
    expect(redactUrl('http://oa.example/cb#access_token=secret')).toBe('http://oa.example/cb#');
  });

  it('masks ID card numbers, phone numbers and long ids in the path', () => {
    expect(
      redactUrl('http://oa.example/person/11010519491231002X/phone/13812345678/doc/1234567'),
    ).toBe('http://oa.example/person/*/phone/*/doc/*');
  });

  it('masks what the activity log used to keep: session ids, prefixed IDs, e-mail, JWTs, +86 numbers', () => {
    expect(redactUrl('http://oa.example/app/index.jsp;jsessionid=A1B2C3D4E5F6/list')).toBe(
      'http://oa.example/app/*/list',
    );
    expect(redactUrl('http://oa.example/people/id-110101199003074514/edit')).toBe(
      'http://oa.example/people/*/edit',
    );
    expect(redactUrl('http://oa.example/users/zhang.san%40gov.example/profile')).toBe(
      'http://oa.example/users/*/profile',
    );
    expect(
      redactUrl(
        'http://oa.example/s/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcdefghijk#/tel/+86-138-0013-8000',
      ),
    ).toBe('http://oa.example/s/*#/tel/*');
  });

  it('masks a query parameter name that is itself personal data', () => {
    expect(redactUrl('http://oa.example/find?13800138000&type=1')).toBe(
      'http://oa.example/find?*=&type=',
    );
  });

  it('returns an empty string for something that is not a URL', () => {
    expect(redactUrl('not a url')).toBe('');
  });

  it('tolerates GBK and malformed escapes (old systems) and still masks ID numbers next to them', () => {
    expect(redactUrl('http://oa.example/files/%D5%C5%C8%FD.html')).toBe(
      'http://oa.example/files/%D5%C5%C8%FD.html',
    );
    expect(redactUrl('http://oa.example/%E4%B8/%zz/11010519491231002X/%D5%C5?id=%D5')).toBe(
      'http://oa.example/%E4%B8/%zz/*/%D5%C5?id=',
    );
    // An ID number written with escapes is masked too, whatever escapes surround it.
    expect(redactUrl('http://oa.example/%D5%C5/%31%31010519491231002X/x%E4')).toBe(
      'http://oa.example/%D5%C5/*/x%E4',
    );
    expect(redactUrl('http://oa.example/index.html#/people/%D5%C5/13812345678?q=%E4%B8')).toBe(
      'http://oa.example/index.html#/people/%D5%C5/*?q=',
    );
  });
});
