/**
 * Where reports go: an administrator-configured HTTPS endpoint with a bearer token.
 *
 * Only `https:` is accepted, except `http:` on loopback addresses (localhost, 127.0.0.0/8, [::1]),
 * which the tests and intranet test setups use (run a local forwarder, or give the intranet
 * receiver a certificate from the organisation's CA: plain HTTP across a network is refused
 * because the bearer token and the reports would travel in clear text).
 */

import { isSecureTransport } from '../../lib/url/transport';

/** As the administrator configures it (managed policy). */
export interface ReportEndpoint {
  /** The URL reports are POSTed to. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`; may be empty when the receiver needs none. */
  token: string;
}

export type EndpointCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Is this endpoint acceptable? `message` is Simplified Chinese, for the options page. */
export function checkReportEndpoint(input: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: '接收地址不是有效的网址' };
  }
  if (url.username || url.password) {
    return { ok: false, message: '接收地址中不能包含用户名或密码，请改用令牌' };
  }
  if (isSecureTransport(url)) return { ok: true, url };
  if (url.protocol === 'http:') {
    return { ok: false, message: '接收地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）' };
  }
  return { ok: false, message: `不支持的协议 ${url.protocol}，接收地址必须使用 HTTPS` };
}
