/**
 * Removal of skeleton artifacts that would otherwise become false minutiae, applied to ridge and valley
 * skeletons alike. Each rule targets one physical cause:
 * - pores and small holes in a ridge thin into short loops: the loop is cut open (at most 41 px round trip);
 * - breaks in a ridge (dirt, dryness, a crease) leave two end points facing each other: gaps up to 20 px whose
 *   ends point at each other within 45° are bridged;
 * - rough ridge edges thin into short side branches: tails shorter than 21 px on a junction are cut;
 * - specks and ridge fragments shorter than 22 px are dropped.
 * The lengths are SourceAFIS's published choices at 500 dpi, which hold up on FVC data.
 */
import {
  attach,
  detach,
  edgeLength,
  mergeThrough,
  otherEnd,
  pointFrom,
  type SkeletonEdge,
  type SkeletonGraph,
  type SkeletonNode,
} from './skeleton-graph.js';

/** Longest loop, in skeleton pixels, that is treated as a pore and cut open. */
const MAX_PORE_LOOP = 41;
/** Longest bridged gap in pixels, and the largest angle between each end's direction and the gap. */
const MAX_GAP = 20;
const MAX_GAP_ANGLE = (45 * Math.PI) / 180;
/** Shortest kept tail (end point to junction) and fragment (end point to end point), in skeleton pixels. */
const MIN_TAIL = 21;
const MIN_FRAGMENT = 22;
/** How far along the ridge an end point's direction is measured, in skeleton pixels. */
const DIRECTION_REACH = 21;

/** Runs every cleanup rule in the order that lets each one see the others' results. */
export function cleanSkeleton(graph: SkeletonGraph): void {
  removePores(graph);
  removeGaps(graph);
  removeTails(graph);
  removeFragments(graph);
  removeTails(graph);
}

/** Direction (image coordinates) from the ridge towards end point `node`, measured over {@link DIRECTION_REACH}. */
export function endDirection(node: SkeletonNode, reach = DIRECTION_REACH): number {
  const edge = node.edges[0]!;
  const p = pointFrom(edge, node, reach);
  return Math.atan2(node.y - p.y, node.x - p.x);
}

function live(graph: SkeletonGraph): SkeletonNode[] {
  return graph.nodes.filter((n) => n.edges.length > 0);
}

function removeEdge(edge: SkeletonEdge): void {
  detach(edge);
  mergeThrough(edge.start);
  if (edge.end !== edge.start) mergeThrough(edge.end);
}

function removePores(graph: SkeletonGraph): void {
  for (const node of live(graph)) {
    let changed = true;
    while (changed) {
      changed = false;
      for (let a = 0; a < node.edges.length && !changed; a++) {
        const ea = node.edges[a]!;
        if (ea.start === ea.end) {
          if (edgeLength(ea) <= MAX_PORE_LOOP) {
            removeEdge(ea);
            changed = true;
          }
          continue;
        }
        for (let b = a + 1; b < node.edges.length; b++) {
          const eb = node.edges[b]!;
          if (eb === ea || otherEnd(ea, node) !== otherEnd(eb, node)) continue;
          if (edgeLength(ea) + edgeLength(eb) <= MAX_PORE_LOOP) {
            removeEdge(edgeLength(ea) >= edgeLength(eb) ? ea : eb);
            changed = true;
            break;
          }
        }
      }
    }
  }
}

function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
}

function removeGaps(graph: SkeletonGraph): void {
  // Sorted by x (then y, a total order: no two nodes share a pixel) so the pair search can stop at MAX_GAP.
  const ends = live(graph)
    .filter((n) => n.edges.length === 1)
    .sort((p, q) => p.x - q.x || p.y - q.y);
  const directions = ends.map((n) => endDirection(n));
  const pairs: { a: number; b: number; distance: number }[] = [];
  for (let a = 0; a < ends.length; a++) {
    for (let b = a + 1; b < ends.length; b++) {
      const na = ends[a]!;
      const nb = ends[b]!;
      if (nb.x - na.x > MAX_GAP) break;
      const dx = nb.x - na.x;
      const dy = nb.y - na.y;
      const distance = Math.hypot(dx, dy);
      if (distance > MAX_GAP || distance === 0 || na.edges[0] === nb.edges[0]) continue;
      const towards = Math.atan2(dy, dx);
      if (angleBetween(directions[a]!, towards) > MAX_GAP_ANGLE) continue;
      if (angleBetween(directions[b]!, towards + Math.PI) > MAX_GAP_ANGLE) continue;
      pairs.push({ a, b, distance });
    }
  }
  pairs.sort((p, q) => p.distance - q.distance || p.a - q.a || p.b - q.b);
  for (const { a, b } of pairs) {
    const na = ends[a]!;
    const nb = ends[b]!;
    if (na.edges.length !== 1 || nb.edges.length !== 1 || na.edges[0] === nb.edges[0]) continue;
    const { xs, ys } = straightPath(na.x, na.y, nb.x, nb.y);
    attach(na, nb, xs, ys);
    mergeThrough(na);
    mergeThrough(nb);
  }
}

/** Pixels of a straight 8-connected path between two points, both included. */
function straightPath(x0: number, y0: number, x1: number, y1: number): { xs: number[]; ys: number[] } {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k <= steps; k++) {
    xs.push(Math.round(x0 + ((x1 - x0) * k) / steps));
    ys.push(Math.round(y0 + ((y1 - y0) * k) / steps));
  }
  return { xs, ys };
}

function removeTails(graph: SkeletonGraph): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of live(graph)) {
      if (node.edges.length !== 1) continue;
      const edge = node.edges[0]!;
      const far = otherEnd(edge, node);
      if (far.edges.length >= 3 && edgeLength(edge) < MIN_TAIL) {
        removeEdge(edge);
        changed = true;
      }
    }
  }
}

function removeFragments(graph: SkeletonGraph): void {
  for (const node of live(graph)) {
    if (node.edges.length !== 1) continue;
    const edge = node.edges[0]!;
    if (otherEnd(edge, node).edges.length === 1 && edgeLength(edge) < MIN_FRAGMENT) detach(edge);
  }
}
