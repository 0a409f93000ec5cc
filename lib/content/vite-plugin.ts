/**
 * Vite plugin: a virtual module from build-time content. `import x from '<id>'` gets the loaded
 * value as its default export (JSON). The build FAILS, listing every error as
 * `file:line:col: path: message` under a count (`2 tour errors:`), when the content has any
 * error, even before an entry imports the module. In dev every file read is watched.
 *
 * Knows no kind of content: each feature's build-plugin.ts gives it an id and a `load`.
 */
import type { Plugin } from 'vite';
import type { ContentError } from './collection';
import { contentDirs, formatContentError } from './collection';

export interface LoadedContent<T> {
  value: T;
  errors: readonly ContentError[];
  /** Every file the value was made from, watched in dev. */
  files: readonly string[];
}

export interface ContentModuleOptions<T> {
  /** The module's id, `virtual:zhiyin-tours`; the plugin's name is the part after `virtual:`. */
  id: string;
  /** What an error is about, singular, in the count: `tour` → `2 tour errors:`. */
  what: string;
  /** The same in Chinese, to head the count in both languages: `引导文件有 2 处错误 / 2 tour errors:`. */
  whatZh?: string;
  load: () => LoadedContent<T> | Promise<LoadedContent<T>>;
}

/** A count, then one `file:line:col: path: message` per line, indented. */
export function formatContentErrors(
  what: string,
  errors: readonly ContentError[],
  whatZh?: string,
): string {
  const count = errors.length;
  const english = `${count} ${what} error${count === 1 ? '' : 's'}:`;
  return [
    whatZh ? `${whatZh}有 ${count} 处错误 / ${english}` : english,
    ...errors.map((error) => `  ${formatContentError(error)}`),
  ].join('\n');
}

/**
 * The build error for broken content: the list and nothing else. Its stack is its own first line,
 * so neither Vite's dev server (consola prints the stack below the message), nor Rolldown (which
 * appends `stack` minus `name: message` to its summary) prints the plugin's call stack under the
 * list: the author needs the list, not where in Vite it was raised.
 */
export function contentBuildError(text: string): Error {
  const error = new Error(text);
  error.stack = `${error.name}: ${text}`;
  return error;
}

export function contentModulePlugin<T>(options: ContentModuleOptions<T>): Plugin {
  const fail = (errors: readonly ContentError[]) =>
    contentBuildError(formatContentErrors(options.what, errors, options.whatZh));
  const resolvedId = `\0${options.id}`;
  // Synchronous when `load` is: a content loader on disk needs no promise.
  const then = <R>(
    result: LoadedContent<T> | Promise<LoadedContent<T>>,
    next: (loaded: LoadedContent<T>) => R,
  ): R | Promise<R> => (result instanceof Promise ? result.then(next) : next(result));
  return {
    name: options.id.replace(/^virtual:/u, ''),
    // Fail early even when no entry imports the module yet: broken content is a broken build.
    buildStart() {
      return then(options.load(), (result) => {
        if (result.errors.length > 0) this.error(fail(result.errors));
      });
    },
    resolveId(id) {
      return id === options.id ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      return then(options.load(), (result) => {
        for (const file of result.files) this.addWatchFile(file);
        if (result.errors.length > 0) this.error(fail(result.errors));
        return `export default ${JSON.stringify(result.value)};\n`;
      });
    },
  };
}

/** Where a content plugin reads: the project and its content folders. */
export interface ContentFoldersOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Content folders (each kind reads its own subfolder). Default: `tours/` and ZHIYIN_TOURS_DIR. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** A kind of content read from the content folders: its module id, its name in errors, its loader. */
export interface FolderContentModule<T> extends Omit<ContentModuleOptions<T>, 'load'> {
  load: (root: string, dirs: readonly string[]) => LoadedContent<T> | Promise<LoadedContent<T>>;
}

/**
 * {@link contentModulePlugin} over the build's content folders: `root` defaults to the working
 * folder and `dirs` to `<root>/tours` plus ZHIYIN_TOURS_DIR (read from `env`), the same folders for
 * every kind of content, so a build never reads tours from one place and their tips from another.
 */
export function contentFoldersPlugin<T>(
  module: FolderContentModule<T>,
  options: ContentFoldersOptions = {},
): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? contentDirs(root, options.env);
  return contentModulePlugin({ ...module, load: () => module.load(root, dirs) });
}
