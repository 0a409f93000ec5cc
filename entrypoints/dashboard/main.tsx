import checklists from 'virtual:zhiyin-checklists';
import tours from 'virtual:zhiyin-tours';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../features/dashboard/views/DashboardApp';
import '../../components/pages/pages.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardApp tours={tours} checklists={checklists} />
    </StrictMode>,
  );
}
