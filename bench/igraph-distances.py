"""Times python-igraph's C `distances` (Dijkstra) on an edge list, as the native reference.

Reads a binary file: int32 node count, int32 edge count, int32 source count, then int32 sources,
int32 targets, float64 weights and int32 source nodes. Prints JSON: median seconds over repeats.
"""
import json
import struct
import sys
import time
from array import array

import igraph


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as handle:
        nodes, edges, source_count = struct.unpack("<3i", handle.read(12))
        sources = array("i"); sources.frombytes(handle.read(4 * edges))
        targets = array("i"); targets.frombytes(handle.read(4 * edges))
        weights = array("d"); weights.frombytes(handle.read(8 * edges))
        query = array("i"); query.frombytes(handle.read(4 * source_count))
    graph = igraph.Graph(n=nodes, edges=list(zip(sources, targets)), directed=False)
    graph.es["weight"] = list(weights)
    query = list(query)
    graph.distances(source=query[:1], weights="weight")  # warm-up
    times = []
    checksum = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = graph.distances(source=query, weights="weight")
        times.append(time.perf_counter() - start)
        checksum = rows[-1][-1]
    times.sort()
    print(json.dumps({"medianSeconds": times[len(times) // 2], "runs": repeats,
                      "version": igraph.__version__, "lastCell": checksum}))


if __name__ == "__main__":
    main()
