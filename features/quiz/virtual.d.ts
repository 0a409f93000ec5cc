/** Validated knowledge quizzes, produced at build time by features/quiz/build-plugin.ts. */
declare module 'virtual:zhiyin-quizzes' {
  import type { QuizFile } from './schema';

  const quizzes: QuizFile[];
  export default quizzes;
}
