/**
 * Author mode's element picker view (lives in the overlay's shadow root): outlines the element
 * under the pointer, and for a picked element lists the proven locator proposals, most robust
 * first, with a ready YAML step to copy. Logic is in features/author (picker.ts, propose.ts,
 * yaml-step.ts); this file only renders and wires.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { startElementPicker, viewportRect } from '../content/picker';
import { startRecorder } from '../content/recorder';
import { MAX_DRAFT_STEPS, newDraft, newDraftId, type DraftStep, type TourDraft } from '../draft';
import { sendMessage } from '../../../app/protocol';
import type { Proposal } from '../propose';
import { pickTarget, proposeLocators } from '../propose';
import { stepYaml } from '../yaml-step';
import type { LocatorKind } from '../../../lib/locate/locator';

export interface AuthorPickerProps {
  /** The page document to pick in (same-origin iframes are followed). */
  document: Document;
  /** Esc or 退出: the host unmounts the picker. */
  onExit: () => void;
  /** Our own overlay (the shadow host), so clicks on this panel are not picks. */
  isOwnUi?: (element: Element) => boolean;
  /** Default: navigator.clipboard.writeText. */
  writeClipboard?: (text: string) => Promise<void>;
  /** Prove visibility with layout (default true; DOM tests without a layout engine pass false). */
  layout?: boolean;
  /** Stores a recorded draft. Default: the `content:saveDraft` message to the background. */
  saveDraft?: (draft: TourDraft) => Promise<{ saved: boolean; reason?: string }>;
  /** Opens the editor on a draft. Default: the `content:openDraftEditor` message. */
  openEditor?: (id: string) => Promise<void>;
  /** For DOM tests only (their events are never trusted); see RecorderOptions.isTrusted. */
  isTrusted?: (event: Event) => boolean;
}

const KIND_NAMES: Record<LocatorKind, string> = {
  label: '表单标签',
  role: '角色与名称',
  text: '可见文字',
  placeholder: '占位提示',
  testid: '测试标识',
  css: 'CSS 选择器',
};

type Rect = { top: number; left: number; width: number; height: number };

const outline = (rect: Rect, color: string): CSSProperties => ({
  position: 'fixed',
  top: rect.top - 2,
  left: rect.left - 2,
  width: rect.width + 4,
  height: rect.height + 4,
  outline: `2px solid ${color}`,
  background: `${color}14`,
  pointerEvents: 'none',
  zIndex: 2147483646,
  boxSizing: 'border-box',
});

const panelStyle: CSSProperties = {
  position: 'fixed',
  right: 16,
  bottom: 16,
  width: 420,
  maxHeight: '70vh',
  overflow: 'auto',
  zIndex: 2147483647,
  background: '#fff',
  color: '#1f1f1f',
  border: '1px solid #d9d9d9',
  borderRadius: 8,
  boxShadow: '0 6px 24px rgba(0,0,0,.18)',
  padding: 16,
  font: '14px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
};

export function AuthorPicker(props: AuthorPickerProps) {
  const { document: doc, onExit, isOwnUi } = props;
  const layout = props.layout ?? true;
  const [hovered, setHovered] = useState<Element | null>(null);
  const [picked, setPicked] = useState<{ element: Element; proposals: Proposal[] } | null>(null);
  const [selected, setSelected] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState('');
  /** The clipboard refused (insecure page, no permission): the YAML to copy by hand. */
  const [manualCopy, setManualCopy] = useState<string | null>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<DraftStep[]>([]);
  const [savedDraft, setSavedDraft] = useState<string | null>(null);
  const recordingStart = useRef<{ url: string; title: string; at: number } | null>(null);
  const recordedRef = useRef<DraftStep[]>([]);
  // Callbacks through a ref, so a host passing inline functions does not re-attach the page
  // listeners on every render.
  const onExitRef = useRef(onExit);
  useEffect(() => {
    onExitRef.current = onExit;
  }, [onExit]);

  useEffect(() => {
    if (recording) return;
    const controller = new AbortController();
    startElementPicker({
      document: doc,
      signal: controller.signal,
      ...(isOwnUi ? { isOwnUi } : {}),
      onHover: (element) => setHovered(element ? pickTarget(element) : null),
      onPick: (element) => {
        setPicked({ element, proposals: proposeLocators(element, doc, { layout }) });
        setSelected(0);
        setStatus('');
        setManualCopy(null);
      },
      onExit: () => onExitRef.current(),
    });
    return () => controller.abort();
  }, [doc, isOwnUi, layout, recording]);

  const saveRef = useRef(props.saveDraft);
  useEffect(() => {
    saveRef.current = props.saveDraft;
  }, [props.saveDraft]);

  /** The recording so far as a draft, stored; the status line says how it went. */
  const finishRecording = async (): Promise<void> => {
    const start = recordingStart.current;
    const steps = recordedRef.current;
    setRecording(false);
    recordingStart.current = null;
    if (!start) return;
    if (steps.length === 0) {
      setStatus('没有录到任何步骤，草稿未保存。');
      return;
    }
    const draft = newDraft({
      id: newDraftId(),
      steps,
      startUrl: start.url,
      pageTitle: start.title,
      now: Date.now(),
    });
    try {
      const save =
        saveRef.current ??
        ((value: TourDraft) => sendMessage('content:saveDraft', { draft: value }));
      const reply = await save(draft);
      if (reply.saved) {
        setSavedDraft(draft.id);
        setStatus(
          `已保存草稿“${draft.title}”（${steps.length} 步），可在引导编辑器中修改、预览和导出。`,
        );
      } else setStatus(`草稿未能保存：${reply.reason ?? '未知原因'}`);
    } catch (error) {
      setStatus(`草稿未能保存：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const finishRef = useRef(finishRecording);
  useEffect(() => {
    finishRef.current = finishRecording;
  });

  useEffect(() => {
    if (!recording) return;
    const controller = new AbortController();
    startRecorder({
      document: doc,
      signal: controller.signal,
      ...(isOwnUi ? { isOwnUi } : {}),
      ...(props.isTrusted ? { isTrusted: props.isTrusted } : {}),
      layout,
      onChange: (steps) => {
        recordedRef.current = steps;
        setRecorded(steps);
      },
    });
    // A full page load ends this script: what was recorded is saved on the way out.
    doc.defaultView?.addEventListener('pagehide', () => void finishRef.current(), {
      signal: controller.signal,
      once: true,
    });
    return () => controller.abort();
  }, [doc, isOwnUi, layout, recording, props.isTrusted]);

  const startRecording = (): void => {
    recordedRef.current = [];
    setRecorded([]);
    setPicked(null);
    setSavedDraft(null);
    setStatus('');
    recordingStart.current = {
      url: doc.defaultView?.location.href ?? '',
      title: doc.title,
      at: Date.now(),
    };
    setRecording(true);
  };

  const openEditor = async (id: string): Promise<void> => {
    try {
      await (
        props.openEditor ?? ((draftId) => sendMessage('content:openDraftEditor', { id: draftId }))
      )(id);
    } catch (error) {
      setStatus(`无法打开编辑器：${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const proposal = picked?.proposals[selected];
  const yaml = useMemo(() => {
    if (!proposal) return { text: '' };
    try {
      return {
        text: stepYaml(proposal, {
          ...(title.trim() ? { title: title.trim() } : {}),
          ...(body.trim() ? { body: body.trim() } : {}),
        }),
      };
    } catch (error) {
      return { text: '', error: error instanceof Error ? error.message : String(error) };
    }
  }, [proposal, title, body]);

  const copy = async (): Promise<void> => {
    const write =
      props.writeClipboard ?? ((text: string) => globalThis.navigator.clipboard.writeText(text));
    try {
      if (typeof write !== 'function') throw new Error('clipboard unavailable');
      await write(yaml.text);
      setManualCopy(null);
      setStatus('已复制 YAML 步骤，可粘贴到引导文件的 steps: 下。');
    } catch {
      // http pages and denied permissions have no clipboard: show the text, selected, instead.
      setManualCopy(yaml.text);
      setStatus('无法写入剪贴板，请在下方文本框中按 Ctrl+C 复制（已全选）。');
    }
  };

  useEffect(() => {
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [manualCopy]);

  if (recording) {
    return (
      <section
        role="dialog"
        aria-labelledby={headingId}
        style={{ ...panelStyle, width: 320 }}
        data-zhiyin-author=""
      >
        <h2 id={headingId} style={{ fontSize: 16, margin: '0 0 8px', color: '#c4320a' }}>
          ● 正在录制
        </h2>
        <p style={{ margin: '0 0 8px', color: '#595959' }}>
          请像平时一样完成一遍操作：每次点击、填写、选择和页面跳转都会成为一步。输入的内容不会被记录。
        </p>
        <p role="status" aria-live="polite" style={{ margin: '0 0 8px' }}>
          已录制 {recorded.length} 步
        </p>
        {recorded.length >= MAX_DRAFT_STEPS && (
          <p role="alert" style={{ margin: '0 0 8px', color: '#c4320a' }}>
            已达 {MAX_DRAFT_STEPS} 步上限，之后的操作不再录制。请停止录制，把任务分成几个引导。
          </p>
        )}
        <ol
          aria-label="已录制的步骤"
          style={{ margin: '0 0 8px', paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}
        >
          {recorded.map((step) => (
            <li key={step.key}>{step.title}</li>
          ))}
        </ol>
        <button type="button" onClick={() => void finishRecording()}>
          停止录制
        </button>
      </section>
    );
  }

  const hoverRect = hovered && hovered !== proposal?.element ? viewportRect(hovered) : null;
  const pickedRect = proposal ? viewportRect(proposal.element) : null;

  return (
    <>
      {hoverRect && <div aria-hidden="true" style={outline(hoverRect, '#1677ff')} />}
      {pickedRect && <div aria-hidden="true" style={outline(pickedRect, '#389e0d')} />}
      <section role="dialog" aria-labelledby={headingId} style={panelStyle} data-zhiyin-author="">
        <h2 id={headingId} style={{ fontSize: 16, margin: '0 0 8px' }}>
          元素拾取器
        </h2>
        <p style={{ margin: '0 0 12px', color: '#595959' }}>
          将鼠标移到页面元素上并单击选中；也可以用 Tab 键把焦点移到元素上，再按 Enter 选中。按 Esc
          退出。选中时页面不会执行点击。
        </p>
        {picked && picked.proposals.length === 0 && (
          <p role="alert" style={{ color: '#c4320a' }}>
            这个元素不可见或无法唯一定位，请选择其他元素（例如它所在的按钮或输入框）。
          </p>
        )}
        {picked && picked.proposals.length > 0 && (
          <>
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
              <legend style={{ fontWeight: 600, marginBottom: 4 }}>定位方式（越靠前越稳健）</legend>
              {picked.proposals.map((candidate, index) => (
                <label
                  key={candidate.description}
                  style={{
                    display: 'block',
                    padding: '6px 8px',
                    borderRadius: 6,
                    background: index === selected ? '#f0f5ff' : 'transparent',
                  }}
                >
                  <input
                    type="radio"
                    name="zhiyin-author-proposal"
                    checked={index === selected}
                    onChange={() => setSelected(index)}
                  />{' '}
                  <strong>{KIND_NAMES[candidate.kind]}</strong>{' '}
                  <code style={{ wordBreak: 'break-all' }}>{candidate.description}</code>
                  <span style={{ display: 'block', color: '#389e0d' }}>✓ 唯一且可见</span>
                  {candidate.note && (
                    <span style={{ display: 'block', color: '#ad6800' }}>{candidate.note}</span>
                  )}
                </label>
              ))}
            </fieldset>
            <label style={{ display: 'block', marginBottom: 8 }}>
              步骤标题（可选）
              <input
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                style={{ display: 'block', width: '100%', boxSizing: 'border-box' }}
              />
            </label>
            <label style={{ display: 'block', marginBottom: 8 }}>
              步骤说明（留空则自动生成）
              <textarea
                value={body}
                onChange={(event) => setBody(event.target.value)}
                rows={2}
                style={{ display: 'block', width: '100%', boxSizing: 'border-box' }}
              />
            </label>
            {yaml.error ? (
              <p role="alert" style={{ color: '#c4320a' }}>
                无法生成步骤：{yaml.error}
              </p>
            ) : (
              <pre
                aria-label="YAML 步骤预览"
                style={{ background: '#fafafa', padding: 8, overflow: 'auto', margin: '0 0 8px' }}
              >
                {yaml.text}
              </pre>
            )}
          </>
        )}
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="button" onClick={() => void copy()} disabled={!yaml.text}>
            复制 YAML
          </button>
          <button type="button" onClick={() => setPicked(null)} disabled={!picked}>
            重新选择
          </button>
          <button type="button" onClick={startRecording}>
            开始录制
          </button>
          <button type="button" onClick={onExit}>
            退出
          </button>
        </div>
        {savedDraft !== null && (
          <p style={{ margin: '8px 0 0' }}>
            <button type="button" onClick={() => void openEditor(savedDraft)}>
              在编辑器中打开
            </button>
          </p>
        )}
        <p aria-live="polite" style={{ margin: '8px 0 0', minHeight: '1.6em' }}>
          {status}
        </p>
        {manualCopy !== null && (
          <textarea
            ref={manualRef}
            aria-label="YAML 步骤（手动复制）"
            readOnly
            value={manualCopy}
            rows={8}
            style={{ display: 'block', width: '100%', boxSizing: 'border-box', fontSize: 12 }}
          />
        )}
      </section>
    </>
  );
}
