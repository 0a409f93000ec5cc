/**
 * The small part of layui's API the sim page uses. layui ships no types; its dist script sets
 * `window.layui` with every built-in module loaded.
 */
interface LayuiForm {
  render(type?: string, filter?: string): void;
  on(
    event: string,
    callback: (data: { field: Record<string, string>; value?: string }) => unknown,
  ): void;
}
interface LayuiLayer {
  confirm(content: string, options: Record<string, unknown>, yes: (index: number) => void): number;
  close(index: number): void;
  msg(content: string, options?: Record<string, unknown>): number;
}
interface LayuiTable {
  render(options: Record<string, unknown>): unknown;
  resize(id: string): void;
}
interface LayuiElement {
  render(type?: string, filter?: string): void;
  on(event: string, callback: (data: { index: number }) => void): void;
}
interface LayuiStatic {
  v: string;
  form: LayuiForm;
  layer: LayuiLayer;
  table: LayuiTable;
  element: LayuiElement;
  laydate: { render(options: Record<string, unknown>): unknown };
  upload: { render(options: Record<string, unknown>): unknown };
}
interface Window {
  layui: LayuiStatic;
}
