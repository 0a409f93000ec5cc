/**
 * Messages of the field validators, Simplified Chinese (default) and English — the extension's two
 * UI languages (lib/i18n/messages.ts). Every validator takes an optional `language`; without it the
 * message is Chinese, as before. Names from the standards (登记管理部门 names, categories) stay
 * Chinese in English messages: they are what the form and the licence show.
 */
export type ValidatorLanguage = 'zh_CN' | 'en';

type Params<T> = (params: T) => string;

export interface ValidatorMessages {
  listSeparator: string;
  // Password (培训方案 安全防护: 8-16 位，包含字母、数字、符号).
  passwordEmpty: string;
  passwordTooShort: Params<{ min: number; length: number }>;
  passwordTooLong: Params<{ max: number; length: number }>;
  passwordMissingLetter: string;
  passwordMissingDigit: string;
  passwordMissingSymbol: string;
  passwordInvalidCharacters: Params<{ kinds: string }>;
  charSpace: string;
  charFullWidth: string;
  charHan: string;
  charOther: string;
  // Phone numbers.
  mobileEmpty: string;
  mobileCharset: string;
  mobileLength: Params<{ length: number }>;
  mobilePrefix: string;
  landlineEmpty: string;
  landlineCharset: string;
  landlinePrefix: string;
  landlineLength: Params<{ area: string; expected: string; length: number }>;
  landlineLengthEight: string;
  landlineLengthSevenOrEight: string;
  landlineSubscriberPrefix: string;
  // 居民身份证号码 (GB 11643-1999).
  idEmpty: string;
  idLength: Params<{ length: number }>;
  idCharsetLegacy: string;
  idCharset: string;
  idRegion: Params<{ code: string }>;
  idBirthInvalid: Params<{ date: string }>;
  idBirthTooEarly: Params<{ date: string }>;
  idBirthFuture: Params<{ date: string }>;
  idCheckDigit: Params<{ expected: string; actual: string }>;
  idLegacyNote: string;
  // 统一社会信用代码 (GB 32100-2015).
  creditEmpty: string;
  creditLength: Params<{ length: number }>;
  creditCharacter: Params<{ position: number; character: string; unusedLetter: boolean }>;
  creditAuthority: Params<{ character: string; allowed: string }>;
  creditCategory: Params<{ character: string; authority: string; allowed: string }>;
  creditRegion: Params<{ position: number; character: string }>;
  creditCheckCharacter: Params<{ expected: string; actual: string }>;
  creditOrgCodeWarning: Params<{ expected: string; actual: string }>;
  // Attachments.
  defaultTypeLabel: string;
  bytes: Params<{ size: number }>;
  attachmentExtension: Params<{ name: string; types: string; extensions: string }>;
  attachmentMime: Params<{ name: string; mime: string; extension: string; types: string }>;
  attachmentEmpty: Params<{ name: string }>;
  attachmentTooLarge: Params<{ name: string; size: string; limit: string }>;
  // Deadline countdown.
  deadlineOverdue: string;
  deadlineDaysHours: Params<{ days: number; hours: number }>;
  deadlineDays: Params<{ days: number }>;
  deadlineHoursMinutes: Params<{ hours: number; minutes: number }>;
  deadlineHours: Params<{ hours: number }>;
  deadlineMinutes: Params<{ minutes: number }>;
  deadlineUnderMinute: string;
}

const zh: ValidatorMessages = {
  listSeparator: '、',
  passwordEmpty: '请输入密码',
  passwordTooShort: ({ min, length }) => `密码至少 ${min} 位，当前为 ${length} 位`,
  passwordTooLong: ({ max, length }) => `密码最多 ${max} 位，当前为 ${length} 位`,
  passwordMissingLetter: '密码须包含字母',
  passwordMissingDigit: '密码须包含数字',
  passwordMissingSymbol: '密码须包含符号（如 ! @ # $ % _ -）',
  passwordInvalidCharacters: ({ kinds }) =>
    `密码含有不允许的字符：${kinds}（请使用半角英文字母、数字和符号）`,
  charSpace: '空格',
  charFullWidth: '全角字符',
  charHan: '汉字',
  charOther: '其他特殊字符',
  mobileEmpty: '请输入手机号码',
  mobileCharset: '手机号码只能包含数字（可带 +86 前缀）',
  mobileLength: ({ length }) => `手机号码应为 11 位，当前为 ${length} 位`,
  mobilePrefix: '手机号码应以 13–19 开头',
  landlineEmpty: '请输入电话号码',
  landlineCharset: '电话号码只能包含数字和分隔符',
  landlinePrefix: '固定电话应以区号开头，如 010-65123456',
  landlineLength: ({ area, expected, length }) =>
    `区号 ${area} 后的号码应为 ${expected} 位，当前为 ${length} 位`,
  landlineLengthEight: '8',
  landlineLengthSevenOrEight: '7 或 8',
  landlineSubscriberPrefix: '电话号码（区号之后）不能以 0 或 1 开头',
  idEmpty: '请输入身份证号码',
  idLength: ({ length }) => `身份证号码应为 18 位，当前为 ${length} 位`,
  idCharsetLegacy: '15 位身份证号码应全部为数字',
  idCharset: '身份证号码前 17 位应为数字，最后一位为数字或 X',
  idRegion: ({ code }) => `前两位“${code}”不是有效的省级行政区划代码`,
  idBirthInvalid: ({ date }) => `出生日期 ${date} 不是有效日期`,
  idBirthTooEarly: ({ date }) => `出生日期 ${date} 早于 1800 年，请核对`,
  idBirthFuture: ({ date }) => `出生日期 ${date} 晚于今天，请核对`,
  idCheckDigit: ({ expected, actual }) =>
    `校验位应为 ${expected}，实际为 ${actual}，请核对是否有数字录入错误`,
  idLegacyNote: '这是 15 位旧版身份证号码（无校验位），已按规则换算为 18 位；请尽量核对新版身份证',
  creditEmpty: '请输入统一社会信用代码',
  creditLength: ({ length }) => `统一社会信用代码应为 18 位，当前为 ${length} 位`,
  creditCharacter: ({ position, character, unusedLetter }) =>
    `第 ${position} 位“${character}”不是有效字符${unusedLetter ? '（代码中不使用字母 I、O、Z、S、V）' : ''}`,
  creditAuthority: ({ character, allowed }) =>
    `第 1 位登记管理部门代码“${character}”无效，应为 ${allowed} 之一`,
  creditCategory: ({ character, authority, allowed }) =>
    `第 2 位机构类别代码“${character}”与登记管理部门“${authority}”不符，应为 ${allowed} 之一`,
  creditRegion: ({ position, character }) =>
    `第 3–8 位登记管理机关行政区划码应为数字，第 ${position} 位为“${character}”`,
  creditCheckCharacter: ({ expected, actual }) =>
    `校验位应为 ${expected}，实际为 ${actual}，请核对是否有字符录入错误`,
  creditOrgCodeWarning: ({ expected, actual }) =>
    `第 9–17 位组织机构代码的校验位应为 ${expected}，实际为 ${actual}；部分已发放的证照存在此情况，请与营业执照原件核对`,
  defaultTypeLabel: 'PDF、Word',
  bytes: ({ size }) => `${size} 字节`,
  attachmentExtension: ({ name, types, extensions }) =>
    `文件“${name}”格式不支持，仅支持 ${types}（${extensions}）`,
  attachmentMime: ({ name, mime, extension, types }) =>
    `文件“${name}”的实际类型（${mime}）与扩展名 ${extension} 不符，请用 ${types} 另存后再上传`,
  attachmentEmpty: ({ name }) => `文件“${name}”是空文件（0 字节），请检查后重新选择`,
  attachmentTooLarge: ({ name, size, limit }) =>
    `文件“${name}”大小为 ${size}，超过 ${limit} 的限制`,
  deadlineOverdue: '已逾期',
  deadlineDaysHours: ({ days, hours }) => `距截止还有 ${days} 天 ${hours} 小时`,
  deadlineDays: ({ days }) => `距截止还有 ${days} 天`,
  deadlineHoursMinutes: ({ hours, minutes }) => `距截止还有 ${hours} 小时 ${minutes} 分钟`,
  deadlineHours: ({ hours }) => `距截止还有 ${hours} 小时`,
  deadlineMinutes: ({ minutes }) => `距截止还有 ${minutes} 分钟`,
  deadlineUnderMinute: '距截止还有不到 1 分钟',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: ValidatorMessages = {
  listSeparator: ', ',
  passwordEmpty: 'Enter a password',
  passwordTooShort: ({ min, length }) =>
    `The password needs at least ${min} characters; it has ${length}`,
  passwordTooLong: ({ max, length }) =>
    `The password may have at most ${max} characters; it has ${length}`,
  passwordMissingLetter: 'The password must contain a letter',
  passwordMissingDigit: 'The password must contain a digit',
  passwordMissingSymbol: 'The password must contain a symbol (such as ! @ # $ % _ -)',
  passwordInvalidCharacters: ({ kinds }) =>
    `The password contains characters that are not allowed: ${kinds} (use half-width letters, digits and symbols)`,
  charSpace: 'spaces',
  charFullWidth: 'full-width characters',
  charHan: 'Chinese characters',
  charOther: 'other special characters',
  mobileEmpty: 'Enter a mobile number',
  mobileCharset: 'A mobile number contains digits only (a +86 prefix is allowed)',
  mobileLength: ({ length }) => `A mobile number has 11 digits; this one has ${length}`,
  mobilePrefix: 'A mobile number starts with 13–19',
  landlineEmpty: 'Enter a phone number',
  landlineCharset: 'A phone number contains digits and separators only',
  landlinePrefix: 'A landline number starts with its area code, e.g. 010-65123456',
  landlineLength: ({ area, expected, length }) =>
    `After area code ${area} the number has ${expected} digits; this one has ${length}`,
  landlineLengthEight: '8',
  landlineLengthSevenOrEight: '7 or 8',
  landlineSubscriberPrefix: 'The number after the area code cannot start with 0 or 1',
  idEmpty: 'Enter an ID card number',
  idLength: ({ length }) => `An ID card number has 18 characters; this one has ${length}`,
  idCharsetLegacy: 'A 15-digit ID card number contains digits only',
  idCharset: 'The first 17 characters of an ID card number are digits; the last is a digit or X',
  idRegion: ({ code }) => `The first two digits "${code}" are not a valid province code`,
  idBirthInvalid: ({ date }) => `The date of birth ${date} is not a real date`,
  idBirthTooEarly: ({ date }) => `The date of birth ${date} is before 1800; please check`,
  idBirthFuture: ({ date }) => `The date of birth ${date} is after today; please check`,
  idCheckDigit: ({ expected, actual }) =>
    `The check character should be ${expected}, not ${actual}; check for a mistyped digit`,
  idLegacyNote:
    'This is an old 15-digit ID card number (no check character), converted to 18 digits; check the new ID card if possible',
  creditEmpty: 'Enter the unified social credit code',
  creditLength: ({ length }) =>
    `A unified social credit code has 18 characters; this one has ${length}`,
  creditCharacter: ({ position, character, unusedLetter }) =>
    `Character ${position} "${character}" is not valid${unusedLetter ? ' (the code never uses the letters I, O, Z, S, V)' : ''}`,
  creditAuthority: ({ character, allowed }) =>
    `Character 1, the registration authority "${character}", is not valid; it is one of ${allowed}`,
  creditCategory: ({ character, authority, allowed }) =>
    `Character 2, the category "${character}", does not fit the registration authority "${authority}"; it is one of ${allowed}`,
  creditRegion: ({ position, character }) =>
    `Characters 3–8 are the region code, digits only; character ${position} is "${character}"`,
  creditCheckCharacter: ({ expected, actual }) =>
    `The check character should be ${expected}, not ${actual}; check for a mistyped character`,
  creditOrgCodeWarning: ({ expected, actual }) =>
    `The organisation code (characters 9–17) should end with ${expected}, not ${actual}; some issued licences have this, so compare with the original licence`,
  defaultTypeLabel: 'PDF or Word',
  bytes: ({ size }) => plural(size, 'byte', 'bytes'),
  attachmentExtension: ({ name, types, extensions }) =>
    `The file "${name}" is not supported: only ${types} (${extensions})`,
  attachmentMime: ({ name, mime, extension, types }) =>
    `The file "${name}" is really ${mime}, not what ${extension} says; save it as ${types} and upload again`,
  attachmentEmpty: ({ name }) => `The file "${name}" is empty (0 bytes); check it and choose again`,
  attachmentTooLarge: ({ name, size, limit }) =>
    `The file "${name}" is ${size}, over the ${limit} limit`,
  deadlineOverdue: 'Overdue',
  deadlineDaysHours: ({ days, hours }) =>
    `${plural(days, 'day', 'days')} ${plural(hours, 'hour', 'hours')} left`,
  deadlineDays: ({ days }) => `${plural(days, 'day', 'days')} left`,
  deadlineHoursMinutes: ({ hours, minutes }) =>
    `${plural(hours, 'hour', 'hours')} ${plural(minutes, 'minute', 'minutes')} left`,
  deadlineHours: ({ hours }) => `${plural(hours, 'hour', 'hours')} left`,
  deadlineMinutes: ({ minutes }) => `${plural(minutes, 'minute', 'minutes')} left`,
  deadlineUnderMinute: 'Less than 1 minute left',
};

/** The validator messages in `language` (Chinese when absent or unknown). */
export function validatorMessages(language?: ValidatorLanguage | string): ValidatorMessages {
  return language === 'en' ? en : zh;
}
