import { afterEach, describe, expect, it, vi } from 'vitest';

// Each test loads a fresh copy of the loader so that no earlier instantiation hides the behaviour.
async function freshLoader() {
  vi.resetModules();
  return import('../src/kernel/wasm.js');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('init()', () => {
  it('is idempotent: a second call returns the same promise', async () => {
    const loader = await freshLoader();
    const first = loader.init();
    const second = loader.init();
    expect(second).toBe(first);
    await first;
    expect(loader.init()).toBe(first);
    expect(loader.kernel().memory).toBeInstanceOf(WebAssembly.Memory);
  });

  it('can be retried after a failed call', async () => {
    const loader = await freshLoader();
    const instantiate = vi.spyOn(WebAssembly, 'instantiate').mockRejectedValueOnce(new Error('simulated failure'));
    await expect(loader.init()).rejects.toThrow('simulated failure');
    instantiate.mockRestore();
    await expect(loader.init()).resolves.toBeUndefined();
    expect(typeof loader.kernel().dijkstraRuns).toBe('function');
  });

  it('initSync() instantiates without a promise, and init() afterwards resolves at once', async () => {
    const loader = await freshLoader();
    loader.initSync();
    const exportsBefore = loader.kernel();
    await loader.init();
    expect(loader.kernel()).toBe(exportsBefore);
  });
});
