import checklists from 'virtual:zhiyin-checklists';
import quizzes from 'virtual:zhiyin-quizzes';
import tours from 'virtual:zhiyin-tours';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { catalogOf } from '../../features/org/load';
import { OrgApp } from '../../features/org/views/OrgApp';
import { DEFAULT_ACTIVITY_BASE } from '../../features/xapi/vocabulary';
import '../../components/pages/pages.css';

// 培训管理: the organisation's training evaluation from the LRS (features/org). The activity base
// here is the default; the page uses the LRS settings' own when they set one.
const catalog = catalogOf({ activityBase: DEFAULT_ACTIVITY_BASE, tours, quizzes, checklists });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OrgApp catalog={catalog} />
    </StrictMode>,
  );
}
