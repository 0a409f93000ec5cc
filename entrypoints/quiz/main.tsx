import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuizApp } from '../../features/quiz/views/QuizApp';
import '../../components/pages/pages.css';
import '../../features/quiz/views/quiz.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QuizApp />
    </StrictMode>,
  );
}
