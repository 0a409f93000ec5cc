import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorApp } from '../../features/editor/views/EditorApp';
import '../../components/pages/pages.css';

// The tour editor (issue 14): trainers' recorded drafts, edited, previewed and exported.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <EditorApp />
    </StrictMode>,
  );
}
