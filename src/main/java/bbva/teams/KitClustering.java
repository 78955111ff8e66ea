package bbva.teams;

import bbva.colour.Appearance;
import bbva.detect.Detection;
import bbva.detect.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Teams by jersey colour, no model: k-means (k-means++ start, fixed seed) of the tracked people's
 * torso histograms in Hellinger space (square roots of the shares, where Euclidean distance follows
 * the Bhattacharyya coefficient the tracker uses). A box farther from its centre than
 * {@link #OTHER_FACTOR} times the median distance of that centre's boxes (at least
 * {@link #MIN_OTHER_DISTANCE}) is "other" (a referee's stripes, a box across two people): the
 * threshold follows how alike a video's kits look under its light and compression. A referees' kit is
 * found as one cluster more than there are teams: when the smallest of {@code teams + 1} clusters
 * holds at most {@link #REFEREE_SHARE} of the boxes and lies at least {@link #REFEREE_APART} times the
 * teams' own separation from every team, or as far from the nearest team as one of that team's boxes
 * must lie to be "other" (a striped referee beside a white kit with dark numbers: 0.57 times the
 * separation, 5 times the white kit's median spread), its boxes are "other" too (with two clean kits and no
 * referee, the extra cluster only halves a team and lies close to it). Each track takes the team most
 * of its boxes have, or none when most are "other". Same input, same teams: points are taken in
 * (frame, rank) order and ties go to the lower index.
 */
public final class KitClustering {
    /**
     * On the rendered game the players' boxes lie at a median 0.08-0.18 from their centre and the
     * referee's at 0.52 (Hellinger distance, 0..sqrt 2).
     */
    static final double OTHER_FACTOR = 3;
    static final double MIN_OTHER_DISTANCE = 0.25;
    /**
     * On the shared broadcast clip the grey referees' cluster holds 21 % of the tracked boxes and lies
     * 0.84 times the blue-gold distance from the nearer team.
     */
    static final double REFEREE_SHARE = 0.35;
    static final double REFEREE_APART = 0.6;
    /** Boxes the kits are fitted on: a clip's all, an even sample of a game's millions. */
    static final int MAX_FIT = 20_000;

    private KitClustering() {
    }

    /** The tracked boxes of a video in (frame, rank) order, handed over again for each pass. */
    @FunctionalInterface
    public interface Boxes {
        void each(Consumer<Detection> action);
    }

    public static TeamAssignment assign(List<Detection> tracked, int teams) {
        List<Detection> ordered = tracked.stream().sorted(Comparator.comparingInt(Detection::frame).thenComparingInt(Detection::index)).toList();
        return assign(ordered::forEach, teams);
    }

    /**
     * Three passes over the boxes, holding at most {@link #MAX_FIT} of them: count, fit the kits on an
     * even sample (every box when there are no more than that), then give every box its kit and each
     * track its team.
     */
    public static TeamAssignment assign(Boxes boxes, int teams) {
        return assign(boxes, teams, MAX_FIT);
    }

    static TeamAssignment assign(Boxes boxes, int teams, int maxFit) {
        long[] n = {0};
        boxes.each(d -> n[0] += eligible(d) ? 1 : 0);
        if (teams <= 0 || n[0] < teams) {
            return new TeamAssignment(List.of(), Map.of());
        }
        long stride = (n[0] + maxFit - 1) / maxFit;
        List<Detection> sample = new ArrayList<>();
        long[] seen = {0};
        boxes.each(d -> {
            if (eligible(d) && seen[0]++ % stride == 0) {
                sample.add(d);
            }
        });
        Fit fit = Fit.of(sample.stream().map(d -> embed(d.appearance())).toArray(double[][]::new), teams);
        int[] sampleLabel = new int[sample.size()];
        for (int i = 0; i < sampleLabel.length; i++) {
            sampleLabel[i] = fit.label(embed(sample.get(i).appearance()));
        }
        int[] order = lightestFirst(sample, sampleLabel, teams);
        Map<Integer, int[]> votes = new TreeMap<>();
        int[] kitBoxes = new int[teams];
        boxes.each(d -> {
            if (eligible(d)) {
                int label = fit.label(embed(d.appearance()));
                votes.computeIfAbsent(d.trackId(), k -> new int[teams + 1])[label < 0 ? teams : order[label]]++;
                if (label >= 0) {
                    kitBoxes[order[label]]++;
                }
            }
        });
        Map<Integer, Integer> teamOfTrack = new TreeMap<>();
        votes.forEach((track, v) -> {
            int best = 0;
            for (int t = 1; t <= teams; t++) {
                best = v[t] > v[best] ? t : best;
            }
            if (best < teams) {
                teamOfTrack.put(track, best + 1);
            }
        });
        List<Team> out = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            List<Appearance> kit = new ArrayList<>();
            for (int i = 0; i < sampleLabel.length; i++) {
                if (sampleLabel[i] >= 0 && order[sampleLabel[i]] == t) {
                    kit.add(sample.get(i).appearance());
                }
            }
            final int team = t + 1;
            int tracks = (int) teamOfTrack.values().stream().filter(x -> x == team).count();
            if (!kit.isEmpty()) {
                out.add(new Team(team, median(kit, 0), median(kit, 1), median(kit, 2), kitBoxes[t], tracks));
            }
        }
        return new TeamAssignment(out, teamOfTrack);
    }

    private static boolean eligible(Detection d) {
        return d.trackId() != null && d.appearance() != null && d.kind() != Kind.REFEREE;
    }

    /** The kits fitted on the sample, and how far from its kit's centre a box may lie. */
    private record Fit(Kits kits, double[] limit) {
        static Fit of(double[][] points, int teams) {
            Kits kits = Kits.of(points, teams);
            List<List<Double>> spread = new ArrayList<>();
            for (int c = 0; c < teams; c++) {
                spread.add(new ArrayList<>());
            }
            for (double[] p : points) {
                int c = KMeans.nearest(kits.teams(), p);
                double d = KMeans.distance(kits.teams()[c], p);
                if (!kits.referees(p, d)) {
                    spread.get(c).add(d);
                }
            }
            double[] limit = new double[teams];
            for (int c = 0; c < teams; c++) {
                List<Double> d = spread.get(c);
                d.sort(null);
                limit[c] = d.isEmpty() ? MIN_OTHER_DISTANCE : Math.max(MIN_OTHER_DISTANCE, OTHER_FACTOR * d.get(d.size() / 2));
            }
            return new Fit(kits, limit);
        }

        /** The box's kit (cluster index), or -1 for "other". */
        int label(double[] p) {
            int c = KMeans.nearest(kits.teams(), p);
            double d = KMeans.distance(kits.teams()[c], p);
            return d > limit[c] || kits.referees(p, d) ? -1 : c;
        }
    }

    /** The teams' centres, and the referees' when their kit stands apart ({@code null} if not). */
    record Kits(double[][] teams, double[] referees) {
        static Kits of(double[][] points, int teams) {
            if (teams >= 2 && points.length > teams) {
                Clusters all = Clusters.of(points, KMeans.centres(points, teams + 1));
                int smallest = all.smallest();
                double[][] rest = all.without(smallest);
                int nearest = all.nearest(smallest);
                double apart = KMeans.distance(all.centres()[nearest], all.centres()[smallest]);
                // or as far from the nearest team as one of its boxes must lie to be "other"
                double otherLimit = Math.max(MIN_OTHER_DISTANCE, OTHER_FACTOR * median(all.radius().get(nearest)));
                if (all.count()[smallest] <= REFEREE_SHARE * points.length
                        && (apart >= REFEREE_APART * separation(rest) || apart >= otherLimit)) {
                    return new Kits(rest, all.centres()[smallest]);
                }
            }
            return new Kits(KMeans.centres(points, teams), null);
        }

        /** The least distance between two of these centres. */
        private static double separation(double[][] centres) {
            double separation = Double.MAX_VALUE;
            for (int a = 0; a < centres.length; a++) {
                for (int b = a + 1; b < centres.length; b++) {
                    separation = Math.min(separation, KMeans.distance(centres[a], centres[b]));
                }
            }
            return separation;
        }

        private static double median(List<Double> values) {
            values.sort(null);
            return values.isEmpty() ? 0 : values.get(values.size() / 2);
        }

        /** Whether a box at {@code toTeam} from its nearest team centre is nearer the referees' kit. */
        boolean referees(double[] point, double toTeam) {
            return referees != null && KMeans.distance(referees, point) < toTeam;
        }
    }

    /** Centres with the points nearest each: how many, and how far from it. */
    private record Clusters(double[][] centres, int[] count, List<List<Double>> radius) {
        static Clusters of(double[][] points, double[][] centres) {
            int[] count = new int[centres.length];
            List<List<Double>> radius = new ArrayList<>();
            for (double[] centre : centres) {
                radius.add(new ArrayList<>());
            }
            for (double[] p : points) {
                int c = KMeans.nearest(centres, p);
                count[c]++;
                radius.get(c).add(KMeans.distance(centres[c], p));
            }
            return new Clusters(centres, count, radius);
        }

        /** The cluster with the fewest points (the first of those). */
        int smallest() {
            int smallest = 0;
            for (int c = 1; c < centres.length; c++) {
                smallest = count[c] < count[smallest] ? c : smallest;
            }
            return smallest;
        }

        /** The centres but {@code cluster}'s, in order. */
        double[][] without(int cluster) {
            double[][] rest = new double[centres.length - 1][];
            for (int c = 0, r = 0; c < centres.length; c++) {
                if (c != cluster) {
                    rest[r++] = centres[c];
                }
            }
            return rest;
        }

        /** The cluster whose centre is nearest {@code cluster}'s (the first of those). */
        int nearest(int cluster) {
            double apart = Double.MAX_VALUE;
            int nearest = -1;
            for (int c = 0; c < centres.length; c++) {
                double d = KMeans.distance(centres[c], centres[cluster]);
                if (c != cluster && d < apart) {
                    apart = d;
                    nearest = c;
                }
            }
            return nearest;
        }
    }

    static double[] embed(Appearance a) {
        double[] v = new double[Appearance.BINS];
        int total = 0;
        for (byte b : a.histogram()) {
            total += b & 0xff;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = total == 0 ? 0 : Math.sqrt((a.histogram()[k] & 0xff) / (double) total);
        }
        return v;
    }

    /** Cluster index -> team index, the lightest kit (highest median L) first. */
    private static int[] lightestFirst(List<Detection> people, int[] label, int k) {
        Integer[] clusters = new Integer[k];
        float[] lightness = new float[k];
        for (int c = 0; c < k; c++) {
            clusters[c] = c;
            List<Appearance> kit = new ArrayList<>();
            for (int i = 0; i < label.length; i++) {
                if (label[i] == c) {
                    kit.add(people.get(i).appearance());
                }
            }
            lightness[c] = median(kit, 0);
        }
        Arrays.sort(clusters, Comparator.comparingDouble((Integer c) -> -lightness[c]).thenComparingInt(c -> c));
        int[] order = new int[k];
        for (int t = 0; t < k; t++) {
            order[clusters[t]] = t;
        }
        return order;
    }

    private static float median(List<Appearance> kit, int channel) {
        if (kit.isEmpty()) {
            return Float.NaN;
        }
        float[] v = new float[kit.size()];
        for (int i = 0; i < v.length; i++) {
            Appearance a = kit.get(i);
            v[i] = channel == 0 ? a.l() : channel == 1 ? a.a() : a.b();
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
