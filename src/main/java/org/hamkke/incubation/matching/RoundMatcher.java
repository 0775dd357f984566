package org.hamkke.incubation.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * A whole round at once: proposes a mentor for every venture it can, for staff to review.
 *
 * <p>The proposal is optimal, not greedy. First it places as many ventures as the mentors' places
 * and the exclusions allow; among all assignments that place that many, it takes one with the
 * highest total score. Each venture gets at most one mentor, each mentor at most
 * {@link MentorCandidate#placesLeft()} ventures, and an excluded pair ({@link MatchScore#exclusion})
 * is never proposed. A first-come greedy pass would let an early venture take the one mentor a
 * later venture could not do without; RoundMatcherTest keeps such a case.
 *
 * <p>Scores are taken as the round starts: a mentor's capacity points do not fall as the round
 * fills their places. That keeps each pair's score fixed, which is what makes the round an
 * assignment problem with an exact answer.
 *
 * <h2>How: a minimum-cost maximum flow</h2>
 *
 * source → venture (capacity 1, cost 0); venture → mentor for every pair not excluded (capacity 1,
 * cost {@code MAX - score}); mentor → sink (capacity places left, cost 0), where {@code MAX} is
 * the best score the weights allow ({@link Weights#max()}). A flow is an assignment; its value is
 * the number placed. Successive shortest paths find, for every flow value k, a flow of value k of
 * least cost, and stop only when no augmenting path is left, that is at the maximum flow: the
 * number placed is maximised by running to the end, never traded against cost.
 *
 * <p>Why the shift to {@code MAX - score} is exact, for any {@code MAX}: a flow of value k crosses
 * venture → mentor edges exactly k times (each unit leaves one venture and enters one mentor), so
 * its cost is {@code k * MAX - totalScore}. Among flows of the same value the shift is the same
 * constant, and least cost is highest total score. So no "big M" larger than every possible score
 * difference is needed; taking {@code MAX} at least the best score just makes every cost
 * non-negative, so Dijkstra works from zero potentials without a Bellman-Ford pass. Johnson
 * potentials keep the residual costs non-negative after each augmentation.
 *
 * <p>Cost: one Dijkstra over the ~V×M edges per venture placed; 500 ventures and 100 mentors take
 * about 0.1 s on a 2-core machine (docs/bench/matching.sh). The graph is held in int arrays, and each side's
 * tags folded to lower case once, so the inner loops neither box nor touch strings.
 *
 * <p>The answer depends on the set of ventures and mentors, not on the order they are given in:
 * both are sorted by id first, and Dijkstra breaks ties by node. Pairs and unplaced ventures come
 * out sorted by venture id.
 */
public final class RoundMatcher {

    /** Every mentor is excluded for the venture (at cap, in conflict, unavailable), or there are none. */
    public static final String NO_ELIGIBLE_MENTOR = "matching.unplaced.noEligibleMentor";
    /**
     * Eligible mentors existed, but their places went to ventures that had no one else, or where
     * they added more to the round's total.
     */
    public static final String PLACES_TAKEN = "matching.unplaced.placesTaken";

    private RoundMatcher() {}

    public static Proposal propose(List<VentureNeeds> ventures, List<MentorCandidate> mentors, Weights weights) {
        List<VentureNeeds> vs = sortedDistinct(ventures, VentureNeeds::ventureId, "venture");
        List<MentorCandidate> ms = sortedDistinct(mentors, MentorCandidate::mentorId, "mentor");
        int ventureCount = vs.size();
        int mentorCount = ms.size();
        int max = weights.max();

        // Nodes: 0 source, 1..V ventures, V+1..V+M mentors, V+M+1 sink.
        int source = 0;
        int sink = ventureCount + mentorCount + 1;
        Network network = new Network(sink + 1, 2 * (ventureCount + ventureCount * mentorCount + mentorCount));

        MatchScore.Folded[] foldedMentors = new MatchScore.Folded[mentorCount];
        for (int j = 0; j < mentorCount; j++) {
            foldedMentors[j] = MatchScore.Folded.of(ms.get(j));
            if (ms.get(j).placesLeft() > 0) {
                network.add(ventureCount + 1 + j, sink, ms.get(j).placesLeft(), 0);
            }
        }
        boolean[] eligible = new boolean[ventureCount];
        for (int i = 0; i < ventureCount; i++) {
            VentureNeeds venture = vs.get(i);
            MatchScore.Folded folded = MatchScore.Folded.of(venture);
            network.add(source, 1 + i, 1, 0);
            for (int j = 0; j < mentorCount; j++) {
                MentorCandidate mentor = ms.get(j);
                if (MatchScore.exclusion(venture, mentor).isEmpty()) {
                    eligible[i] = true;
                    int score = MatchScore.total(venture, folded, mentor, foldedMentors[j], weights);
                    network.add(1 + i, ventureCount + 1 + j, 1, max - score);
                }
            }
        }

        network.maxFlowMinCost(source, sink);

        List<Pair> pairs = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < ventureCount; i++) {
            VentureNeeds venture = vs.get(i);
            int mentorNode = network.flowTarget(1 + i);
            if (mentorNode < 0) {
                unplaced.add(new Unplaced(venture.ventureId(), eligible[i] ? PLACES_TAKEN : NO_ELIGIBLE_MENTOR));
            } else {
                MentorCandidate mentor = ms.get(mentorNode - ventureCount - 1);
                Score score = MatchScore.score(venture, mentor, weights);
                pairs.add(new Pair(venture.ventureId(), mentor.mentorId(), score));
                total += score.total();
            }
        }
        return new Proposal(pairs, unplaced, total);
    }

    private static <T> List<T> sortedDistinct(List<T> items, ToLongFunction<T> id, String what) {
        List<T> sorted = items.stream().sorted(Comparator.comparingLong(id)).toList();
        Set<Long> seen = new HashSet<>();
        for (T item : sorted) {
            if (!seen.add(id.applyAsLong(item))) {
                throw new IllegalArgumentException("The " + what + " " + id.applyAsLong(item) + " is given twice");
            }
        }
        return sorted;
    }

    /**
     * A flow network in int arrays: edge e and its residual twin e ^ 1, adjacency as linked lists
     * through {@code next}. Costs are non-negative when added (see the class notes).
     */
    private static final class Network {

        private static final int UNREACHED = Integer.MAX_VALUE;

        private final int[] first;
        private final int[] next;
        private final int[] to;
        private final int[] capacity;
        private final int[] cost;
        private int edges;

        Network(int nodes, int maxEdges) {
            first = new int[nodes];
            Arrays.fill(first, -1);
            next = new int[maxEdges];
            to = new int[maxEdges];
            capacity = new int[maxEdges];
            cost = new int[maxEdges];
        }

        void add(int from, int target, int cap, int edgeCost) {
            link(from, target, cap, edgeCost);
            link(target, from, 0, -edgeCost);
        }

        private void link(int from, int target, int cap, int edgeCost) {
            to[edges] = target;
            capacity[edges] = cap;
            cost[edges] = edgeCost;
            next[edges] = first[from];
            first[from] = edges++;
        }

        /** The node the one unit leaving {@code node} went to, or -1 when none left it. */
        int flowTarget(int node) {
            for (int e = first[node]; e >= 0; e = next[e]) {
                // Forward edges have even numbers; a saturated forward edge out of a venture carries its unit.
                if ((e & 1) == 0 && capacity[e] == 0) {
                    return to[e];
                }
            }
            return -1;
        }

        /**
         * Successive shortest paths with Johnson potentials. Every path here carries one unit (the
         * source's edges have capacity 1), so each Dijkstra places one more venture.
         *
         * <p>Dijkstra stops when it settles the sink; every node not settled by then (reached or not)
         * takes the sink's distance for the potential update. That keeps every residual reduced cost
         * non-negative: for an edge u → v out of a settled node, d(v) ≤ d(u) + c and both are capped
         * alike; out of an unsettled node, u gets d(sink) and v at most d(sink).
         */
        void maxFlowMinCost(int source, int sink) {
            int nodes = first.length;
            int[] potential = new int[nodes];
            int[] distance = new int[nodes];
            int[] via = new int[nodes];
            boolean[] settled = new boolean[nodes];
            LongHeap heap = new LongHeap(Math.max(16, edges));
            while (true) {
                Arrays.fill(distance, UNREACHED);
                Arrays.fill(settled, false);
                heap.clear();
                distance[source] = 0;
                heap.push(source, 0);
                while (!heap.isEmpty()) {
                    long top = heap.pop();
                    int u = (int) top;
                    if (settled[u]) {
                        continue;
                    }
                    settled[u] = true;
                    if (u == sink) {
                        break;
                    }
                    int du = distance[u];
                    for (int e = first[u]; e >= 0; e = next[e]) {
                        if (capacity[e] == 0) {
                            continue;
                        }
                        int v = to[e];
                        int dv = du + cost[e] + potential[u] - potential[v];
                        if (dv < distance[v]) {
                            distance[v] = dv;
                            via[v] = e;
                            heap.push(v, dv);
                        }
                    }
                }
                if (!settled[sink]) {
                    return;
                }
                int reach = distance[sink];
                for (int v = 0; v < nodes; v++) {
                    // Unsettled nodes, reached or not, are at least d(sink) away: all take d(sink).
                    potential[v] += Math.min(distance[v], reach);
                }
                for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                    capacity[via[v]]--;
                    capacity[via[v] ^ 1]++;
                }
            }
        }
    }

    /** A binary min-heap of (distance, node) packed in longs: no boxing, ties broken by node. */
    private static final class LongHeap {

        private long[] items;
        private int size;

        LongHeap(int capacity) {
            items = new long[capacity];
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, int distance) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
            }
            long item = ((long) distance << 32) | node;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (items[parent] <= item) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = item;
        }

        /** The smallest item; its low 32 bits are the node. */
        long pop() {
            long top = items[0];
            long last = items[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && items[child + 1] < items[child]) {
                    child++;
                }
                if (items[child] >= last) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return top;
        }
    }
}
