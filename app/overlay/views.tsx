import { createRoot } from 'react-dom/client';
import tipsCss from '../../features/rules/views/tips.css?inline';
import examCss from '../../features/exam/views/exam.css?inline';
import { readSensitivePage } from '../../features/report/content/sensitive-regions';
import { OverlayApp } from './OverlayApp';
import type { OverlayViews } from './views-api';

/** The React half of the overlay (see views-api.ts): its styles and its root, on demand. */
export const overlayViews: OverlayViews = {
  mount(container, store) {
    const style = container.ownerDocument.createElement('style');
    style.textContent = `${tipsCss}\n${examCss}`;
    // React is mounted on a wrapper div, never on the shadow container itself.
    const wrapper = container.ownerDocument.createElement('div');
    container.append(style, wrapper);
    const root = createRoot(wrapper);
    root.render(<OverlayApp store={store} />);
    return () => {
      root.unmount();
      wrapper.remove();
      style.remove();
    };
  },
  readSensitivePage,
};
