package io.kovan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a JVM's CPU goes during a phase, by kind of thread: the JIT compilers, the garbage
 * collector, the request threads and the rest, from /proc/{pid}/task. It samples every thread's
 * CPU while the phase runs, so that a thread which ends before the phase does (HotSpot adds and
 * removes compiler threads as it needs them) still counts for what it used up to its last sample.
 */
final class ThreadCpu implements AutoCloseable {

    /** The kinds, in the order they are printed. */
    static final String JIT = "JIT", GC = "GC", REQUESTS = "requests", OTHER = "other";

    private final long pid;
    private final double ticksPerSecond;
    /** Per thread id: its kind, and its CPU ticks at the first and at the latest sample. */
    private final Map<String, long[]> ticks = new HashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    /** True during the first sample only: the threads it finds count from what they had used then. */
    private boolean first = true;

    ThreadCpu(long pid, double ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        sample();
        first = false;
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "thread-cpu-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String tid = task.getFileName().toString();
                    // A thread seen first after the phase began has used its CPU inside the phase.
                    long[] firstAndLast = ticks.computeIfAbsent(tid, k -> new long[] {first ? used : 0, used});
                    firstAndLast[1] = used;
                    kinds.computeIfAbsent(tid, k -> kind(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException gone) {
            // the process ended
        }
    }

    static String kind(String threadName) {
        if (threadName.matches("C[12] CompilerThre.*")) {
            return JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return GC;
        }
        if (threadName.startsWith("qtp") || threadName.startsWith("pool-")) {
            return REQUESTS;
        }
        return OTHER;
    }

    /** Stops sampling; the CPU seconds used since construction, by kind. */
    synchronized Map<String, Double> stop() {
        close();
        sample();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String kind : new String[] {JIT, GC, REQUESTS, OTHER}) {
            seconds.put(kind, 0.0);
        }
        ticks.forEach((tid, firstAndLast) -> seconds.merge(kinds.getOrDefault(tid, OTHER), (firstAndLast[1] - firstAndLast[0]) / ticksPerSecond, Double::sum));
        return seconds;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
