import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAuthorMode } from '../features/author/views/mount-author';

// Author mode (trainers): injected into a tab's top frame by the options page's 作者模式 section
// (features/author/views/AuthorMode.tsx), never loaded for learners. Its own bundle, so the picker's
// pinyin and YAML libraries never weigh on the overlay.
export default defineUnlistedScript(() => {
  startAuthorMode(document);
});
