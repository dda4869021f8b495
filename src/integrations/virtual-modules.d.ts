declare module 'virtual:spanlab/run-worker' {
  /** The browser run worker as one self-contained script. */
  const source: string;
  export default source;
}
