// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WelcomeCard, type WelcomeCardProps } from '../../../features/profile/views/WelcomeCard';
import { dispatchAsUser, userClick } from '../../support/user-events';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('WelcomeCard', () => {
  let host: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  const render = (props: Partial<WelcomeCardProps> = {}) => {
    const handlers = {
      onChooseRole: vi.fn(async () => {}),
      onDismiss: vi.fn(async () => {}),
      onClose: vi.fn(),
      ...props,
    };
    act(() => root.render(<WelcomeCard language="zh_CN" {...handlers} />));
    return handlers;
  };
  const dialog = () => host.querySelector<HTMLElement>('[role="dialog"]');
  const button = (text: string) =>
    [...host.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(text));

  it('is a labelled dialog that takes focus when it opens', () => {
    render();
    const element = dialog();
    const labelId = element?.getAttribute('aria-labelledby') ?? '';
    expect(document.getElementById(labelId)?.textContent).toBe('欢迎使用指引');
    expect(document.activeElement).toBe(element);
  });

  it('offers the four learner groups of the training plan', () => {
    render();
    const names = [...host.querySelectorAll('.zy-role-name')].map((node) => node.textContent);
    expect(names).toEqual(['管理人员', '业务操作人员', '技术支持人员', '基层用户']);
  });

  it('stores the chosen role and confirms it before closing', async () => {
    const handlers = render();
    await act(async () => userClick(button('技术支持人员')));
    expect(handlers.onChooseRole).toHaveBeenCalledWith('技术支持人员');
    expect(host.querySelector('[role="status"]')?.textContent).toContain(
      '已设置为「技术支持人员」',
    );
    expect(handlers.onClose).not.toHaveBeenCalled();
    act(() => userClick(button('开始使用')));
    expect(handlers.onClose).toHaveBeenCalled();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
  });

  it('ignores a page script choosing a role or pressing Esc (issue 10)', async () => {
    const handlers = render();
    await act(async () => {
      button('技术支持人员')?.click();
      button('基层用户')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(handlers.onChooseRole).not.toHaveBeenCalled();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
    expect(handlers.onClose).not.toHaveBeenCalled();
    expect(host.querySelectorAll('.zy-role')).toHaveLength(4);
  });

  it('shows why a choice failed and keeps the choices', async () => {
    render({
      onChooseRole: vi.fn(async () => Promise.reject(new Error('扩展已更新，请刷新页面'))),
    });
    await act(async () => userClick(button('基层用户')));
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('扩展已更新，请刷新页面');
    expect(host.querySelectorAll('.zy-role')).toHaveLength(4);
  });

  it('Esc dismisses it (remembered) and closes it', async () => {
    const handlers = render();
    await act(async () => {
      dispatchAsUser(dialog(), new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(handlers.onDismiss).toHaveBeenCalledOnce();
    expect(handlers.onClose).toHaveBeenCalledOnce();
  });

  it('speaks English when the learner chose English', () => {
    act(() =>
      root.render(
        <WelcomeCard language="en" onChooseRole={vi.fn()} onDismiss={vi.fn()} onClose={vi.fn()} />,
      ),
    );
    expect(host.textContent).toContain('Welcome to Zhiyin');
    expect(host.textContent).toContain('Grassroots user');
  });
});
