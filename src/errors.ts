// Every error geoslo throws is one of these classes, so callers can branch on the class instead of
// matching message text. Messages start with who threw (`geoslo/<function>:`), name the field at
// fault and say what to do, in the manner of graphology's and Turf's errors.

/** Base class of all errors thrown by geoslo. */
export class GeosloError extends Error {
  /** The public function that threw, e.g. `createLatencyIndex`. */
  readonly functionName: string;

  constructor(functionName: string, message: string) {
    super(`geoslo/${functionName}: ${message}`);
    this.name = new.target.name;
    this.functionName = functionName;
  }
}

/** An argument or a field of one is malformed or out of range. */
export class InvalidArgumentError extends GeosloError {
  /** The argument or field at fault, as a path such as `options.sources[3]`. */
  readonly field: string;

  constructor(functionName: string, field: string, message: string) {
    super(functionName, `${field} ${message}`);
    this.field = field;
  }
}

/** A node id that the graph does not contain. */
export class NodeNotFoundError extends InvalidArgumentError {
  readonly node: string;

  constructor(functionName: string, field: string, node: string) {
    super(functionName, field, `is "${node}", which is not a node of the graph; pass one of graph.nodes().`);
    this.node = node;
  }
}

/** The graph has no nodes, so there is nothing to pack or query. */
export class EmptyGraphError extends GeosloError {
  constructor(functionName: string) {
    super(functionName, 'the graph has no nodes; add nodes (and edges) before building a latency index.');
  }
}

/** A request larger than WebAssembly memory can hold; raised before anything is allocated. */
export class CapacityError extends GeosloError {
  readonly field: string;
  readonly requestedBytes: number;
  readonly limitBytes: number;

  constructor(functionName: string, field: string, requestedBytes: number, limitBytes: number, fix: string) {
    super(
      functionName,
      `${field} needs ${formatBytes(requestedBytes)} of WebAssembly memory but only ${formatBytes(limitBytes)} ` +
        `can be had (wasm32 memory ends at 4 GiB); ${fix}`,
    );
    this.field = field;
    this.requestedBytes = requestedBytes;
    this.limitBytes = limitBytes;
  }
}

/** A method was called on an object after its `dispose()`. */
export class DisposedError extends GeosloError {
  constructor(functionName: string, what: string) {
    super(functionName, `this ${what} was disposed and its WebAssembly memory freed; create a new one.`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}
