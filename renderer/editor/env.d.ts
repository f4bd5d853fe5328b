// Vite's `?worker` imports, `new URL(…, import.meta.url)` workers and `import.meta.env`, for the editor's workers and test hooks.
/// <reference types="vite/client" />
