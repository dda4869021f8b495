// Vite's `?url` import of sql.js's .wasm: the URL of the file, served from our own origin.
declare module 'sql.js/dist/sql-wasm-browser.wasm?url' {
  const url: string;
  export default url;
}
