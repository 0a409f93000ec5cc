/**
 * 公文管理 data and flow, as the training plan describes it:
 * 新建公文(通知/请示/报告) → 填写内容(标题、主送机关、正文) → 上传附件(PDF/Word, 10 MB) →
 * 提交审核(部门负责人 → 办公室 → 分管领导) → 归档(自动存入公文库, 公文库-YYYY年-M月,
 * 文件名 "YYYY-部门-标题").
 * State: `zhiyin-sim:docs:list`.
 */
import { simNow } from '../../shared/clock';
import { postMessage } from '../../shared/messages';
import { createStore, newId, registerSeed } from '../../shared/storage';
import type { ReviewRole, SimUser } from '../../shared/users';
import { REVIEW_ROLES, getUser, reviewerFor } from '../../shared/users';
import type { SearchEntry, TodoItem } from '../../shared/worklist';
import { publishSearchEntries, publishTodos } from '../../shared/worklist';

export const DOC_TYPES = ['通知', '请示', '报告'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export type DocStatus = 'draft' | 'reviewing' | 'returned' | 'archived';
export const STATUS_LABEL: Record<DocStatus, string> = {
  draft: '草稿',
  reviewing: '审核中',
  returned: '已退回',
  archived: '已归档',
};
export const STATUS_COLOR: Record<DocStatus, string> = {
  draft: 'default',
  reviewing: 'processing',
  returned: 'error',
  archived: 'success',
};

/** The review chain, in order. */
export const REVIEW_CHAIN: readonly ReviewRole[] = REVIEW_ROLES;

export const RECIPIENT_OPTIONS = [
  '各乡镇人民政府、街道办事处',
  '市直各部门',
  '市人民政府办公室',
  '市政务服务管理局',
  '市大数据中心',
  '市财政局',
  '市人力资源和社会保障局',
  '市市场监督管理局',
  '市应急管理局',
] as const;

export const ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Attachments are kept as metadata only: the sim never stores file contents. */
export interface Attachment {
  name: string;
  size: number;
  type: string;
}

export type FlowAction = 'submit' | 'approve' | 'return' | 'archive';

export interface FlowEvent {
  action: FlowAction;
  actor: string;
  actorName: string;
  /** 拟稿人, a review role, or 系统 for automatic archiving. */
  role: string;
  opinion?: string;
  at: number;
}

export interface ArchiveInfo {
  /** e.g. `2026-办公室-关于召开会议的通知` */
  fileName: string;
  /** e.g. `公文库-2026年-11月` */
  path: string;
  year: number;
  month: number;
  archivedAt: number;
}

export interface OfficialDocument {
  id: string;
  docType: DocType;
  title: string;
  recipients: string[];
  body: string;
  attachments: Attachment[];
  drafter: string;
  drafterName: string;
  /** 拟稿单位: the drafter's department, used in the archive file name. */
  department: string;
  status: DocStatus;
  /** Index into {@link REVIEW_CHAIN} of the node that must act (while 审核中). */
  step: number;
  history: FlowEvent[];
  createdAt: number;
  updatedAt: number;
  archive?: ArchiveInfo;
}

export interface DocInput {
  docType: DocType;
  title: string;
  recipients: string[];
  body: string;
  attachments: Attachment[];
}

const docsStore = createStore<OfficialDocument[]>('docs:list', () => []);

/** Why an attachment is refused, in words shown to the user; null when accepted. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  const lower = file.name.toLowerCase();
  if (!ATTACHMENT_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    return `“${file.name}”上传失败：文件格式不支持，仅支持 PDF、Word 文件（.pdf、.doc、.docx）。`;
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `“${file.name}”上传失败：文件大小为 ${mb} MB，超过单个文件 10 MB 的限制，请压缩或拆分后重新上传。`;
  }
  return null;
}

/** The plan's naming rule: 年份-部门-标题, e.g. `2026-办公室-关于召开会议的通知`. */
export function archiveFileName(year: number, department: string, title: string): string {
  return `${year}-${department}-${title}`;
}

/** The plan's storage path: `公文库-2026年-3月`. */
export function archivePath(year: number, month: number): string {
  return `公文库-${year}年-${month}月`;
}

export function listDocs(): OfficialDocument[] {
  return [...docsStore.get()].sort((a, b) => b.updatedAt - a.updatedAt);
}

export function getDoc(id: string): OfficialDocument | undefined {
  return docsStore.get().find((d) => d.id === id);
}

export function currentRole(doc: OfficialDocument): ReviewRole | undefined {
  return doc.status === 'reviewing' ? REVIEW_CHAIN[doc.step] : undefined;
}

export function isReviewerOf(doc: OfficialDocument, user: SimUser): boolean {
  const role = currentRole(doc);
  return role !== undefined && user.reviewRole === role;
}

export function canEdit(doc: OfficialDocument, user: SimUser): boolean {
  return doc.drafter === user.account && (doc.status === 'draft' || doc.status === 'returned');
}

function docLink(id: string): string {
  return `index.html#/docs/${encodeURIComponent(id)}`;
}

/** Publishes the docs' todos and search entries for the workbench, badge and global search. */
function publish(docs: OfficialDocument[]): void {
  const todos: TodoItem[] = [];
  for (const doc of docs) {
    if (doc.status === 'reviewing') {
      const role = REVIEW_CHAIN[doc.step];
      const reviewer = role ? reviewerFor(role) : undefined;
      if (reviewer) {
        todos.push({
          id: `docs-review-${doc.id}`,
          module: '公文管理',
          kind: `待审核（${role}）`,
          title: doc.title,
          href: docLink(doc.id),
          assignees: [reviewer.account],
          createdAt: doc.updatedAt,
        });
      }
    } else if (doc.status === 'returned') {
      todos.push({
        id: `docs-returned-${doc.id}`,
        module: '公文管理',
        kind: '已退回待修改',
        title: doc.title,
        href: docLink(doc.id),
        assignees: [doc.drafter],
        createdAt: doc.updatedAt,
      });
    } else if (doc.status === 'draft') {
      todos.push({
        id: `docs-draft-${doc.id}`,
        module: '公文管理',
        kind: '草稿待提交',
        title: doc.title,
        href: docLink(doc.id),
        assignees: [doc.drafter],
        createdAt: doc.updatedAt,
      });
    }
  }
  publishTodos('docs', todos);
  const entries: SearchEntry[] = docs.map((doc) => ({
    id: `doc-${doc.id}`,
    kind: '公文',
    title: doc.title,
    summary: `${doc.docType} · ${STATUS_LABEL[doc.status]} · 拟稿：${doc.drafterName}（${doc.department}）${
      doc.archive ? ` · 归档：${doc.archive.path}` : ''
    }`,
    href: docLink(doc.id),
    keywords: [doc.body.slice(0, 200), doc.archive?.fileName ?? '', ...doc.recipients],
  }));
  publishSearchEntries('docs', entries);
}

function saveDocs(docs: OfficialDocument[]): void {
  docsStore.set(docs);
  publish(docs);
}

function upsert(doc: OfficialDocument): OfficialDocument {
  const docs = docsStore.get();
  const index = docs.findIndex((d) => d.id === doc.id);
  if (index === -1) docs.push(doc);
  else docs[index] = doc;
  saveDocs(docs);
  return doc;
}

function notifyReviewer(doc: OfficialDocument, at: number): void {
  const role = REVIEW_CHAIN[doc.step];
  const reviewer = role ? reviewerFor(role) : undefined;
  if (!reviewer) return;
  postMessage({
    to: reviewer.account,
    category: '公文管理',
    title: `待审核：${doc.title}`,
    body: `${doc.drafterName}（${doc.department}）提交的${doc.docType}已流转至“${role}”环节，请及时审核。`,
    href: docLink(doc.id),
    createdAt: at,
  });
}

function draftFrom(input: DocInput, user: SimUser, existing?: OfficialDocument): OfficialDocument {
  const now = simNow();
  return {
    id: existing?.id ?? newId('doc'),
    ...input,
    drafter: existing?.drafter ?? user.account,
    drafterName: existing?.drafterName ?? user.name,
    department: existing?.department ?? user.department,
    status: existing?.status ?? 'draft',
    step: 0,
    history: existing?.history ?? [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

export class DocFlowError extends Error {}

function editable(id: string | undefined, user: SimUser): OfficialDocument | undefined {
  if (!id) return undefined;
  const existing = getDoc(id);
  if (!existing) throw new DocFlowError('公文不存在或已被删除。');
  if (!canEdit(existing, user)) throw new DocFlowError('当前状态下不能修改此公文。');
  return existing;
}

/** 保存草稿 (new or existing draft / returned document; a returned one stays 已退回). */
export function saveDraft(input: DocInput, user: SimUser, id?: string): OfficialDocument {
  return upsert(draftFrom(input, user, editable(id, user)));
}

/** 提交审核: goes to the first node of the chain (部门负责人). Also used to resubmit. */
export function submitForReview(input: DocInput, user: SimUser, id?: string): OfficialDocument {
  const doc = draftFrom(input, user, editable(id, user));
  const at = doc.updatedAt;
  const resubmit = doc.history.some((e) => e.action === 'return');
  const submitted: OfficialDocument = {
    ...doc,
    status: 'reviewing',
    step: 0,
    history: [
      ...doc.history,
      {
        action: 'submit',
        actor: user.account,
        actorName: user.name,
        role: '拟稿人',
        opinion: resubmit ? '修改后重新提交' : undefined,
        at,
      },
    ],
  };
  upsert(submitted);
  notifyReviewer(submitted, at);
  return submitted;
}

function reviewable(id: string, user: SimUser): OfficialDocument {
  const doc = getDoc(id);
  if (!doc) throw new DocFlowError('公文不存在或已被删除。');
  if (!isReviewerOf(doc, user)) {
    throw new DocFlowError('当前环节不是您的审核环节，无权办理（审批节点权限）。');
  }
  return doc;
}

/** 同意: moves to the next node, or archives after the last one (分管领导). */
export function approve(id: string, user: SimUser, opinion?: string): OfficialDocument {
  const doc = reviewable(id, user);
  const role = REVIEW_CHAIN[doc.step] ?? '';
  const at = simNow();
  const event: FlowEvent = {
    action: 'approve',
    actor: user.account,
    actorName: user.name,
    role,
    opinion: opinion?.trim() || '同意',
    at,
  };
  const isLast = doc.step >= REVIEW_CHAIN.length - 1;
  if (!isLast) {
    const next: OfficialDocument = {
      ...doc,
      step: doc.step + 1,
      updatedAt: at,
      history: [...doc.history, event],
    };
    upsert(next);
    postMessage({
      to: doc.drafter,
      category: '公文管理',
      title: `审核通过：${doc.title}`,
      body: `您的${doc.docType}已通过“${role}”（${user.name}）审核，已流转至“${REVIEW_CHAIN[next.step]}”环节。`,
      href: docLink(doc.id),
      createdAt: at,
    });
    notifyReviewer(next, at);
    return next;
  }
  const date = new Date(at);
  const year = date.getFullYear();
  const month = date.getMonth() + 1;
  const archive: ArchiveInfo = {
    fileName: archiveFileName(year, doc.department, doc.title),
    path: archivePath(year, month),
    year,
    month,
    archivedAt: at,
  };
  const archived: OfficialDocument = {
    ...doc,
    status: 'archived',
    updatedAt: at,
    archive,
    history: [
      ...doc.history,
      event,
      {
        action: 'archive',
        actor: 'system',
        actorName: '系统',
        role: '系统',
        opinion: `自动归档至 ${archive.path}，文件名：${archive.fileName}`,
        at,
      },
    ],
  };
  upsert(archived);
  postMessage({
    to: doc.drafter,
    category: '公文管理',
    title: `已归档：${doc.title}`,
    body: `您的${doc.docType}已完成全部审核（部门负责人→办公室→分管领导），自动归档至“${archive.path}”，文件名“${archive.fileName}”。`,
    href: docLink(doc.id),
    createdAt: at,
  });
  return archived;
}

/** 退回: back to the drafter; an opinion is required so the drafter knows what to fix. */
export function returnToDrafter(id: string, user: SimUser, opinion: string): OfficialDocument {
  const doc = reviewable(id, user);
  const text = opinion.trim();
  if (!text) throw new DocFlowError('退回时必须填写审核意见。');
  const role = REVIEW_CHAIN[doc.step] ?? '';
  const at = simNow();
  const returned: OfficialDocument = {
    ...doc,
    status: 'returned',
    step: 0,
    updatedAt: at,
    history: [
      ...doc.history,
      { action: 'return', actor: user.account, actorName: user.name, role, opinion: text, at },
    ],
  };
  upsert(returned);
  postMessage({
    to: doc.drafter,
    category: '公文管理',
    title: `公文被退回：${doc.title}`,
    body: `“${role}”（${user.name}）退回了您的${doc.docType}，意见：${text}。请修改后重新提交。`,
    href: docLink(doc.id),
    createdAt: at,
  });
  return returned;
}

/** Time of the last event of a review node in the current round (for the Steps display). */
export function lastEventAt(doc: OfficialDocument, role: string): FlowEvent | undefined {
  const submitIndex = doc.history.map((e) => e.action).lastIndexOf('submit');
  return doc.history
    .slice(Math.max(0, submitIndex))
    .filter((e) => e.role === role)
    .pop();
}

// ---- seed ---------------------------------------------------------------------------------

const DAY = 24 * 3600 * 1000;

function seedDocs(): OfficialDocument[] {
  const now = simNow();
  const user = (account: string) => getUser(account) ?? { name: account, department: '' };
  const zs = user('zhangsan');
  const event = (
    action: FlowAction,
    actor: string,
    role: string,
    at: number,
    opinion?: string,
  ): FlowEvent => ({ action, actor, actorName: user(actor).name, role, opinion, at });
  const fullChain = (start: number): FlowEvent[] => [
    event('submit', 'zhangsan', '拟稿人', start),
    event('approve', 'lisi', '部门负责人', start + 0.1 * DAY, '同意'),
    event('approve', 'wangwu', '办公室', start + 0.3 * DAY, '同意，按程序报分管领导'),
    event('approve', 'zhaoliu', '分管领导', start + 0.8 * DAY, '同意'),
  ];
  const archivedDoc = (
    id: string,
    docType: DocType,
    title: string,
    recipients: string[],
    body: string,
    daysAgo: number,
    attachments: Attachment[] = [],
  ): OfficialDocument => {
    const start = now - daysAgo * DAY;
    const history = fullChain(start);
    const at = start + 0.8 * DAY;
    const d = new Date(at);
    const archive: ArchiveInfo = {
      fileName: archiveFileName(d.getFullYear(), zs.department, title),
      path: archivePath(d.getFullYear(), d.getMonth() + 1),
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      archivedAt: at,
    };
    history.push({
      action: 'archive',
      actor: 'system',
      actorName: '系统',
      role: '系统',
      opinion: `自动归档至 ${archive.path}，文件名：${archive.fileName}`,
      at,
    });
    return {
      id,
      docType,
      title,
      recipients,
      body,
      attachments,
      drafter: 'zhangsan',
      drafterName: zs.name,
      department: zs.department,
      status: 'archived',
      step: 2,
      history,
      createdAt: start - 0.2 * DAY,
      updatedAt: at,
      archive,
    };
  };
  return [
    archivedDoc(
      'doc-seed-1',
      '通知',
      '关于召开第三季度政务服务工作推进会的通知',
      ['各乡镇人民政府、街道办事处', '市直各部门'],
      '为总结第三季度政务服务工作，部署下一阶段任务，经研究，定于近期召开第三季度政务服务工作推进会。请各单位分管负责同志准时参会，并于会前报送本单位工作总结。',
      75,
      [
        {
          name: '第三季度政务服务工作总结模板.docx',
          size: 48_230,
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      ],
    ),
    archivedDoc(
      'doc-seed-2',
      '报告',
      '关于综合受理窗口“好差评”数据核查情况的报告',
      ['市政务服务管理局'],
      '按照市政务服务管理局工作部署，我科对本季度综合受理窗口“好差评”数据进行了全面核查，现将核查情况报告如下：一、总体情况……二、存在问题……三、下一步工作。',
      40,
      [{ name: '好差评数据核查明细.pdf', size: 1_265_400, type: 'application/pdf' }],
    ),
    archivedDoc(
      'doc-seed-3',
      '通知',
      '关于做好电子政务系统账号安全管理工作的通知',
      ['市直各部门'],
      '为落实“数据安全人人有责”要求，请各单位督促系统用户按要求设置密码（8-16位，包含字母、数字、符号），每3个月更换一次，不得共用账号。',
      12,
    ),
    {
      id: 'doc-seed-4',
      docType: '请示',
      title: '关于申请购置综合受理窗口叫号设备的请示',
      recipients: ['市人民政府办公室'],
      body: '因业务量增长，现有叫号设备老化、故障频发，影响群众办事体验。拟申请购置窗口叫号设备一套，预算约3.5万元。妥否，请批示。',
      attachments: [{ name: '叫号设备采购预算表.pdf', size: 320_512, type: 'application/pdf' }],
      drafter: 'zhangsan',
      drafterName: zs.name,
      department: zs.department,
      status: 'reviewing',
      step: 0,
      history: [event('submit', 'zhangsan', '拟稿人', now - 0.9 * DAY)],
      createdAt: now - 1.2 * DAY,
      updatedAt: now - 0.9 * DAY,
    },
    {
      id: 'doc-seed-5',
      docType: '通知',
      title: '关于调整综合受理窗口冬季服务时间的通知',
      recipients: ['各乡镇人民政府、街道办事处'],
      body: '根据冬季作息时间安排，自下月1日起，综合受理窗口服务时间调整为上午9:00-12:00，下午13:30-17:00，请相互转告。',
      attachments: [],
      drafter: 'zhangsan',
      drafterName: zs.name,
      department: zs.department,
      status: 'reviewing',
      step: 1,
      history: [
        event('submit', 'zhangsan', '拟稿人', now - 2 * DAY),
        event('approve', 'lisi', '部门负责人', now - 1.8 * DAY, '同意，请办公室审核'),
      ],
      createdAt: now - 2.1 * DAY,
      updatedAt: now - 1.8 * DAY,
    },
    {
      id: 'doc-seed-6',
      docType: '报告',
      title: '关于本月便民服务事项办理情况的报告',
      recipients: ['市政务服务管理局'],
      body: '本月综合受理窗口共受理便民服务事项（草稿，数据待补充）。',
      attachments: [],
      drafter: 'zhangsan',
      drafterName: zs.name,
      department: zs.department,
      status: 'draft',
      step: 0,
      history: [],
      createdAt: now - 0.3 * DAY,
      updatedAt: now - 0.3 * DAY,
    },
  ];
}

registerSeed('docs', () => {
  const docs = seedDocs();
  saveDocs(docs);
  const archivedRecent = docs.find((d) => d.id === 'doc-seed-3');
  if (archivedRecent?.archive) {
    postMessage({
      to: 'zhangsan',
      category: '公文管理',
      title: `已归档：${archivedRecent.title}`,
      body: `您的通知已完成全部审核，自动归档至“${archivedRecent.archive.path}”，文件名“${archivedRecent.archive.fileName}”。`,
      href: docLink(archivedRecent.id),
      createdAt: archivedRecent.archive.archivedAt,
      read: true,
    });
  }
  const atOffice = docs.find((d) => d.id === 'doc-seed-5');
  if (atOffice) notifyReviewer(atOffice, atOffice.updatedAt);
  const atHead = docs.find((d) => d.id === 'doc-seed-4');
  if (atHead) notifyReviewer(atHead, atHead.updatedAt);
});

/** Re-publishes todos/search (e.g. after the 账号与权限 module changed who holds a role). */
export function republishDocs(): void {
  publish(docsStore.get());
}
