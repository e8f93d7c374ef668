// Every error geoslo throws is one of these classes, so callers can branch on the class instead of
// matching message text. Messages start with who threw (`geoslo/<function>:`), name the field at
// fault and say what to do, in the manner of graphology's and Turf's errors. Code deep inside
// raises an error knowing only what is wrong; the public function the caller called names itself
// as the error leaves it (publicEntry), so no function name is threaded through internal calls.

/**
 * Base class of all errors thrown by geoslo. The message starts with `geoslo/<function>:`, naming
 * the function you called (also when the error arose in another one it uses), and `name` is the
 * subclass's name, so logs say which kind of error it was.
 *
 * @example
 * ```ts
 * import { GeosloError, plan } from 'geoslo';
 *
 * try {
 *   plan({ objective: { type: 'least-mean-latency' } }); // k is missing
 * } catch (error) {
 *   if (error instanceof GeosloError) console.error(`${error.functionName} failed: ${error.detail}`);
 *   else throw error;
 * }
 * ```
 */
export class GeosloError extends Error {
  /**
   * The public function that threw, e.g. `createLatencyIndex`: the one you called, even when the
   * error arose in another public function it uses.
   */
  functionName = '';
  /** What is wrong and what to do: the message without its `geoslo/<function>:` prefix. */
  readonly detail: string;

  constructor(detail: string) {
    // Unnamed until it leaves a public function, which names itself (see publicEntry).
    super(`geoslo: ${detail}`);
    this.name = new.target.name;
    this.detail = detail;
  }
}

/**
 * Runs the body of the public function `functionName`, naming it in any GeosloError that leaves.
 * Entries nest when a public function uses another; the outermost names last, so the caller sees
 * the function they called. Bodies are synchronous: no public function returns a promise that could
 * reject with a GeosloError. The message is rewritten before anything reads `stack`, which V8
 * formats on first read, so the stack trace is headed by the named message too.
 */
export function publicEntry<T>(functionName: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof GeosloError) {
      error.functionName = functionName;
      error.message = `geoslo/${functionName}: ${error.detail}`;
    }
    throw error;
  }
}

/**
 * An argument or a field of one is malformed or out of range. Thrown before any work starts, so
 * nothing is left half-done.
 *
 * @example
 * ```ts
 * import { estimateRtt, InvalidArgumentError } from 'geoslo';
 *
 * try {
 *   estimateRtt('ap-southeast-1', [1.35, 103.82]); // [lat, lon] by mistake
 * } catch (error) {
 *   if (!(error instanceof InvalidArgumentError)) throw error;
 *   console.error(error.field); // "to[1]"; the message suggests [103.82, 1.35]
 * }
 * ```
 */
export class InvalidArgumentError extends GeosloError {
  /** The argument or field at fault, as a path such as `options.sources[3]`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.field = field;
  }
}

/**
 * What an InvalidArgumentError says about its field, without the field: to say the same of the
 * field as the user wrote it (a flag, a file row) rather than the option it became.
 */
export function complaintOf(error: InvalidArgumentError): string {
  return error.detail.slice(error.field.length + 1);
}

/**
 * A node id that the graph does not contain.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { NodeNotFoundError, path } from 'geoslo/shortest-path';
 *
 * const graph = new Graph();
 * graph.mergeEdge('sin', 'hkg', { weight: 33 });
 * try {
 *   path(graph, 'sin', 'tyo');
 * } catch (error) {
 *   if (error instanceof NodeNotFoundError) console.error(`${error.field}: no node "${error.node}"`); // target: no node "tyo"
 * }
 * ```
 */
export class NodeNotFoundError extends InvalidArgumentError {
  /** The id that was asked for, as a string. */
  readonly node: string;

  constructor(field: string, node: string) {
    super(field, `is "${node}", which is not a node of the graph; pass one of graph.nodes().`);
    this.node = node;
  }
}

/**
 * The graph has no nodes, so there is nothing to pack or query.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { createLatencyIndex, EmptyGraphError } from 'geoslo/shortest-path';
 *
 * try {
 *   createLatencyIndex(new Graph());
 * } catch (error) {
 *   if (error instanceof EmptyGraphError) console.error('add nodes before building the index');
 * }
 * ```
 */
export class EmptyGraphError extends GeosloError {
  constructor() {
    super('the graph has no nodes; add nodes (and edges) before building a latency index.');
  }
}

/**
 * A request larger than WebAssembly memory can hold; raised before anything is allocated, since
 * running out inside the kernel would only show as a null pointer.
 *
 * @example
 * ```ts
 * import { CapacityError, solvePlacement } from 'geoslo/placement';
 *
 * try {
 *   // 100,000 demands x 100,000 candidates is 80 GB of f64 latencies.
 *   solvePlacement({ latencyMs: { rows: 100_000, cols: 100_000, data: [] }, objective: 'p-median', k: 10 });
 * } catch (error) {
 *   if (error instanceof CapacityError) console.error(`${error.requestedBytes} bytes asked, ${error.limitBytes} available`);
 * }
 * ```
 */
export class CapacityError extends GeosloError {
  /** The argument or field whose size is at fault, e.g. `problem.latencyMs`. */
  readonly field: string;
  /** Bytes the request would need. */
  readonly requestedBytes: number;
  /** Bytes that could be had when the request was refused. */
  readonly limitBytes: number;

  constructor(field: string, requestedBytes: number, limitBytes: number, fix: string) {
    super(
      `${field} needs ${formatBytes(requestedBytes)} of WebAssembly memory but only ${formatBytes(limitBytes)} ` +
        `can be had (wasm32 memory ends at 4 GiB); ${fix}`,
    );
    this.field = field;
    this.requestedBytes = requestedBytes;
    this.limitBytes = limitBytes;
  }
}

/**
 * A method was called on an object after its `dispose()`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { createLatencyIndex, DisposedError } from 'geoslo/shortest-path';
 *
 * const graph = new Graph();
 * graph.mergeEdge('sin', 'hkg', { weight: 33 });
 * const index = createLatencyIndex(graph);
 * index.dispose();
 * try {
 *   index.path('sin', 'hkg');
 * } catch (error) {
 *   if (error instanceof DisposedError) console.error('create a new index');
 * }
 * ```
 */
export class DisposedError extends GeosloError {
  constructor(what: string) {
    super(`this ${what} was disposed and its WebAssembly memory freed; create a new one.`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}
