// The kernel is imported as bytes: esbuild's binary loader in the bundle, a small plugin in vitest.
declare module '*.wasm' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
