/**
 * Attachment check for 公文 uploads.
 *
 * The training plan (公文处理: 上传附件) allows PDF and Word only, with a size limit; the common
 * failure it lists is "附件上传失败：检查文件格式/大小". Defaults: `.pdf`, `.doc`, `.docx` and
 * 10 MB (10 × 1024 × 1024 bytes), both configurable.
 *
 * The type is judged by extension first (what the clerk sees in the file name) and then by the MIME
 * type the browser reports. An empty MIME type or `application/octet-stream` is not held against
 * the file, because browsers on machines without Office report exactly that for `.doc`/`.docx`.
 */
import { validatorMessages, type ValidatorLanguage, type ValidatorMessages } from './messages';

/** The parts of a browser `File` this check reads, so plain objects work in tests and workers. */
export interface AttachmentLike {
  name: string;
  /** Size in bytes. */
  size: number;
  /** MIME type as reported by the browser; may be empty. */
  type?: string;
}

export interface AttachmentPolicy {
  /** Allowed extensions, lower case with the dot. Default: .pdf .doc .docx */
  extensions: readonly string[];
  /** MIME types accepted per extension. Default: the official PDF / Word types. */
  mimeTypes: Readonly<Record<string, readonly string[]>>;
  /** Maximum size in bytes. Default 10 MB. */
  maxBytes: number;
  /** How the allowed types are named in messages. Default "PDF、Word". */
  typeLabel: string;
}

export const DEFAULT_ATTACHMENT_POLICY: Readonly<AttachmentPolicy> = Object.freeze({
  extensions: ['.pdf', '.doc', '.docx'],
  mimeTypes: {
    '.pdf': ['application/pdf'],
    '.doc': ['application/msword'],
    '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  maxBytes: 10 * 1024 * 1024,
  typeLabel: 'PDF、Word',
});

export type AttachmentProblemCode = 'extension' | 'mime-mismatch' | 'too-large' | 'empty';

export interface AttachmentProblem {
  code: AttachmentProblemCode;
  /** Simplified Chinese; names the file and, for size, the limit. */
  message: string;
}

export interface AttachmentResult {
  ok: boolean;
  problems: AttachmentProblem[];
}

const NEUTRAL_MIME = new Set(['', 'application/octet-stream']);

/** Formats a byte count the way the e-government system shows it: "10 MB", "12.5 MB", "800 KB". */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Math.round(kb)} KB`;
  return `${bytes} B`;
}

// "10 MB, over the 10 MB limit" reads like a bug: fall back to bytes when rounding hides the excess.
function sizeOver(size: number, limit: number, t: ValidatorMessages): string {
  const shown = formatFileSize(size);
  return shown === formatFileSize(limit) ? t.bytes({ size }) : shown;
}

/** The extension of a file name, lower case with the dot ("" when there is none). */
export function fileExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Checks one attachment against the policy (missing fields take the defaults).
 * All problems are returned so the hint can say everything at once.
 */
export function checkAttachment(
  file: AttachmentLike,
  policy: Partial<AttachmentPolicy> = {},
  options: { language?: ValidatorLanguage } = {},
): AttachmentResult {
  const t = validatorMessages(options.language);
  const rules: AttachmentPolicy = { ...DEFAULT_ATTACHMENT_POLICY, ...policy };
  const problems: AttachmentProblem[] = [];
  const ext = fileExtension(file.name);
  const allowedList = rules.extensions.join(t.listSeparator);
  // The default label is translated; a policy's own label is shown as written.
  const types =
    rules.typeLabel === DEFAULT_ATTACHMENT_POLICY.typeLabel ? t.defaultTypeLabel : rules.typeLabel;

  if (!rules.extensions.includes(ext)) {
    problems.push({
      code: 'extension',
      message: t.attachmentExtension({ name: file.name, types, extensions: allowedList }),
    });
  } else {
    const mime = (file.type ?? '').toLowerCase();
    const accepted = rules.mimeTypes[ext];
    if (!NEUTRAL_MIME.has(mime) && accepted && !accepted.includes(mime)) {
      problems.push({
        code: 'mime-mismatch',
        message: t.attachmentMime({ name: file.name, mime, extension: ext, types }),
      });
    }
  }
  if (file.size === 0) {
    problems.push({
      code: 'empty',
      message: t.attachmentEmpty({ name: file.name }),
    });
  } else if (file.size > rules.maxBytes) {
    problems.push({
      code: 'too-large',
      message: t.attachmentTooLarge({
        name: file.name,
        size: sizeOver(file.size, rules.maxBytes, t),
        limit: formatFileSize(rules.maxBytes),
      }),
    });
  }
  return { ok: problems.length === 0, problems };
}
