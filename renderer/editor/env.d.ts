// Vite's `?worker` imports, `new URL(…, import.meta.url)` workers and `import.meta.env`, for the editor's workers and test hooks.
/// <reference types="vite/client" />

// Monaco's language definitions ship without types: each is a configuration and a Monarch grammar.
declare module 'monaco-editor/languages/definitions/yaml/yaml' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
declare module 'monaco-editor/languages/definitions/markdown/markdown' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
