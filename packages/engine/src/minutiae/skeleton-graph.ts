/**
 * A skeleton traced into a graph: nodes are end points (one neighbour) and junctions (three or more neighbours,
 * adjacent junction pixels merged into one node), edges are the one-pixel-wide paths between them. Artifact
 * removal (skeleton-cleanup.ts) edits this graph rather than pixels, because its rules are about ridges (a tail
 * shorter than 21 px, a loop shorter than 41 px) and not about neighbourhoods.
 *
 * Ring-shaped components with no node (an island ridge closed on itself) carry no minutiae and are not traced.
 */
import { NEIGHBOUR_COUNT, neighbourhood } from './thinning.js';

/** An end point or junction. A node with no edges is dead (removed). */
export interface SkeletonNode {
  readonly x: number;
  readonly y: number;
  readonly edges: SkeletonEdge[];
}

/** A skeleton path from `start` to `end`; `xs`, `ys` list its pixels including both node pixels. */
export interface SkeletonEdge {
  readonly start: SkeletonNode;
  readonly end: SkeletonNode;
  readonly xs: number[];
  readonly ys: number[];
}

/** A traced skeleton. `nodes` keeps dead nodes too; callers skip nodes without edges. */
export interface SkeletonGraph {
  readonly nodes: SkeletonNode[];
}

/** Length of an edge in path steps (pixels along the skeleton). */
export function edgeLength(edge: SkeletonEdge): number {
  return edge.xs.length - 1;
}

/** The node at the other end of `edge` from `node`. */
export function otherEnd(edge: SkeletonEdge, node: SkeletonNode): SkeletonNode {
  return edge.start === node ? edge.end : edge.start;
}

/** The edge's point `steps` pixels away from `node` along the edge (clamped to the edge's far end). */
export function pointFrom(edge: SkeletonEdge, node: SkeletonNode, steps: number): { x: number; y: number } {
  const last = edge.xs.length - 1;
  const k = Math.min(last, Math.max(0, steps));
  const i = edge.start === node ? k : last - k;
  return { x: edge.xs[i]!, y: edge.ys[i]! };
}

/** Adds an edge to both of its nodes. */
export function attach(start: SkeletonNode, end: SkeletonNode, xs: number[], ys: number[]): SkeletonEdge {
  const edge: SkeletonEdge = { start, end, xs, ys };
  start.edges.push(edge);
  end.edges.push(edge);
  return edge;
}

/** Removes an edge from both of its nodes (once from each side, so a self-loop disappears completely). */
export function detach(edge: SkeletonEdge): void {
  for (const node of [edge.start, edge.end]) {
    const k = node.edges.indexOf(edge);
    if (k >= 0) node.edges.splice(k, 1);
  }
}

/**
 * When `node` is left with exactly two distinct edges it is no longer a junction: joins them into one edge so
 * that later length rules see the whole ridge.
 */
export function mergeThrough(node: SkeletonNode): void {
  if (node.edges.length !== 2) return;
  const [a, b] = node.edges as [SkeletonEdge, SkeletonEdge];
  if (a === b || a.start === a.end || b.start === b.end) return;
  const aStart = otherEnd(a, node);
  const bEnd = otherEnd(b, node);
  const axs = a.end === node ? a.xs : [...a.xs].reverse();
  const ays = a.end === node ? a.ys : [...a.ys].reverse();
  const bxs = b.start === node ? b.xs : [...b.xs].reverse();
  const bys = b.start === node ? b.ys : [...b.ys].reverse();
  detach(a);
  detach(b);
  attach(aStart, bEnd, axs.concat(bxs.slice(1)), ays.concat(bys.slice(1)));
}

const DX = [0, 1, 1, 1, 0, -1, -1, -1];
const DY = [-1, -1, 0, 1, 1, 1, 0, -1];

/**
 * Traces a one-pixel-wide skeleton (as produced by thinning.ts, with a cleared border) into a graph. Iteration is
 * in raster order, so the graph is deterministic.
 */
export function traceSkeleton(skeleton: Uint8Array, width: number, height: number): SkeletonGraph {
  const n = width * height;
  const count = new Uint8Array(n);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (skeleton[i] === 1) count[i] = NEIGHBOUR_COUNT[neighbourhood(skeleton, i, width)]!;
    }
  }
  const nodeOf = new Int32Array(n).fill(-1);
  const nodes: SkeletonNode[] = [];
  const pixelsOf: number[][] = [];
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (skeleton[i] !== 1 || nodeOf[i] >= 0 || count[i] === 2 || count[i] === 0) continue;
    const id = nodes.length;
    const members = [i];
    nodeOf[i] = id;
    if (count[i]! >= 3) {
      stack.push(i);
      while (stack.length > 0) {
        const p = stack.pop()!;
        for (let d = 0; d < 8; d++) {
          const q = p + DY[d]! * width + DX[d]!;
          if (skeleton[q] === 1 && count[q]! >= 3 && nodeOf[q] < 0) {
            nodeOf[q] = id;
            members.push(q);
            stack.push(q);
          }
        }
      }
    }
    let sx = 0;
    let sy = 0;
    for (const p of members) {
      sx += p % width;
      sy += Math.floor(p / width);
    }
    nodes.push({ x: Math.round(sx / members.length), y: Math.round(sy / members.length), edges: [] });
    pixelsOf.push(members);
  }

  const visited = new Uint8Array(n);
  const direct = new Set<number>();
  for (let id = 0; id < nodes.length; id++) {
    for (const p of pixelsOf[id]!) {
      for (let d = 0; d < 8; d++) {
        const q = p + DY[d]! * width + DX[d]!;
        if (skeleton[q] !== 1) continue;
        const other = nodeOf[q]!;
        if (other === id) continue;
        if (other >= 0) {
          // Two nodes touching directly: one edge per pair, added from the lower id.
          const key = Math.min(id, other) * nodes.length + Math.max(id, other);
          if (other > id && !direct.has(key)) {
            direct.add(key);
            attach(nodes[id]!, nodes[other]!, [p % width, q % width], [Math.floor(p / width), Math.floor(q / width)]);
          }
          continue;
        }
        if (visited[q] === 1) continue;
        const path = [p, q];
        visited[q] = 1;
        let prev = p;
        let cur = q;
        let endNode = -1;
        for (;;) {
          let next = -1;
          for (let e = 0; e < 8; e++) {
            const r = cur + DY[e]! * width + DX[e]!;
            if (skeleton[r] === 1 && r !== prev && !(nodeOf[r] === id && path.length === 2 && r === p)) {
              if (nodeOf[r]! >= 0 && (nodeOf[r] !== id || path.length > 2)) {
                next = r;
                break;
              }
              if (nodeOf[r]! < 0 && visited[r] === 0) next = r;
            }
          }
          if (next < 0) break;
          path.push(next);
          if (nodeOf[next]! >= 0) {
            endNode = nodeOf[next]!;
            break;
          }
          visited[next] = 1;
          prev = cur;
          cur = next;
        }
        if (endNode < 0) continue;
        attach(
          nodes[id]!,
          nodes[endNode]!,
          path.map((k) => k % width),
          path.map((k) => Math.floor(k / width)),
        );
      }
    }
  }
  return { nodes };
}
