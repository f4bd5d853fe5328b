// Vite's `import.meta.env` and worker URLs, for the graph view's test hooks and layout worker.
/// <reference types="vite/client" />
