// Nelder-Mead simplex minimisation (Nelder & Mead 1965, standard coefficients): derivative-free,
// which suits a loss that changes routes, and so slope, as the parameters move.

export interface MinimizeOptions {
  /** Initial simplex step per coordinate. */
  readonly steps: readonly number[];
  readonly maxEvaluations: number;
  /** Stop when the simplex's loss values span less than this. */
  readonly tolerance: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

export function nelderMead(loss: (x: readonly number[]) => number, start: readonly number[], options: MinimizeOptions): Minimum {
  const dimensions = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    return { x, value: loss(x) };
  };
  const simplex = [evaluate([...start])];
  for (let d = 0; d < dimensions; d++) {
    const vertex = [...start];
    vertex[d] += options.steps[d];
    simplex.push(evaluate(vertex));
  }
  const along = (from: number[], to: number[], factor: number) => from.map((value, d) => value + factor * (to[d] - value));

  while (evaluations < options.maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0];
    const worst = simplex[dimensions];
    if (worst.value - best.value < options.tolerance) break;
    const centroid = new Array<number>(dimensions).fill(0);
    for (let v = 0; v < dimensions; v++) for (let d = 0; d < dimensions; d++) centroid[d] += simplex[v].x[d] / dimensions;

    const reflected = evaluate(along(centroid, worst.x, -1));
    if (reflected.value < best.value) {
      const expanded = evaluate(along(centroid, worst.x, -2));
      simplex[dimensions] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[dimensions - 1].value) {
      simplex[dimensions] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = evaluate(along(centroid, outside ? reflected.x : worst.x, 0.5));
      if (contracted.value < (outside ? reflected.value : worst.value)) {
        simplex[dimensions] = contracted;
      } else {
        for (let v = 1; v <= dimensions; v++) simplex[v] = evaluate(along(best.x, simplex[v].x, 0.5));
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0].x, value: simplex[0].value, evaluations };
}
