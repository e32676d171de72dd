package cn.luohu.qpb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small benchmark harness: an operation runs untimed for a warm-up (the JIT, the connection pool and
 * MariaDB's buffer pool settle), then a number of timed runs, one at a time; each run is timed alone, so
 * the percentiles are of single operations. Throughput is of one thread: timed runs divided by their
 * summed time. Results go to {@code target/bench/results.csv}.
 */
final class Harness {

    /** One timed operation; {@code run} is its index, to rotate over users, assessments or committees. */
    @FunctionalInterface
    interface Op {
        void run(int run) throws Exception;
    }

    /** The figures of one benchmark on one dataset. */
    record Result(String name, String dataset, double p50, double p95, double p99, double opsPerSecond, int samples) {
        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.3f,%.2f", name, dataset, p50, p95, p99, opsPerSecond);
        }
    }

    private final String dataset;
    private final List<Result> results = new ArrayList<>();

    Harness(String dataset) {
        this.dataset = dataset;
    }

    List<Result> results() {
        return results;
    }

    Result measure(String name, int warmup, int samples, Op op) {
        try {
            for (int i = 0; i < warmup; i++) {
                op.run(i);
            }
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                op.run(warmup + i);
                nanos[i] = System.nanoTime() - start;
            }
            return add(name, nanos);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark " + name + " failed", e);
        }
    }

    /** Records durations measured elsewhere (one-shot operations with their own set-up between runs). */
    Result add(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        Result result = new Result(name, dataset, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), sorted.length / (total / 1e9), sorted.length);
        results.add(result);
        System.out.printf(Locale.ROOT, "[bench %s] %-28s p50 %9.2f ms  p95 %9.2f ms  p99 %9.2f ms  %8.1f ops/s  (n=%d)%n",
                dataset, name, result.p50(), result.p95(), result.p99(), result.opsPerSecond(), sorted.length);
        return result;
    }

    /** Nearest rank: the smallest sample that at least p percent of the samples do not exceed. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static void appendCsv(Path file, String header, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, header + "\n");
            }
            Files.write(file, lines, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
