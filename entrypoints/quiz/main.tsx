import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuizApp } from '../../components/quiz/QuizApp';
import '../../components/pages/pages.css';
import '../../components/quiz/quiz.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QuizApp />
    </StrictMode>,
  );
}
