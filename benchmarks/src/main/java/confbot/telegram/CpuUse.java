package confbot.telegram;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time this process has used so far, by the part of the path its threads belong to.
 *
 * <p>Why the load test measures it: on a machine shared with other work, updates per second say as
 * much about the neighbours as about the bot, while the CPU time an update costs does not; two free
 * cores divided by it is the rate the path could reach alone. The fake Bot API's share is measured
 * apart so that it can be shown not to be the bottleneck, and the JVM's own threads (JIT compilers,
 * garbage collector), which no Java thread list shows, are what the process used beyond its Java
 * threads. Threads that ended during a phase take their time with them; the ones counted here live
 * for the whole run.
 *
 * @param processNanos every thread of the process
 * @param byPart Java threads' time by {@link #PARTS}, in that order, then {@code other}
 */
record CpuUse(long processNanos, Map<String, Long> byPart) {

    /** A part of the path and the thread names that make it up (prefixes, as the adapter names its threads). */
    private record Part(String name, List<String> prefixes) {}

    private static final List<Part> PARTS = List.of(
            new Part("fake", List.of("fake-bot-api", "HTTP-Dispatcher")),
            new Part("poll", List.of("confbot-telegram-poll")),
            new Part("workers", List.of("confbot-telegram-update")),
            new Part("send", List.of("confbot-telegram-send", "confbot-telegram-http", "OkHttp", "Okio")),
            new Part("journal", List.of("confbot-telegram-journal")));

    static CpuUse now() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.forEach(p -> parts.put(p.name(), 0L));
        parts.put("other", 0L);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String part = PARTS.stream()
                    .filter(p -> p.prefixes().stream().anyMatch(info.getThreadName()::startsWith))
                    .map(Part::name)
                    .findFirst()
                    .orElse("other");
            parts.merge(part, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
        }
        return new CpuUse(os.getProcessCpuTime(), parts);
    }

    CpuUse since(CpuUse before) {
        Map<String, Long> parts = new LinkedHashMap<>();
        byPart.forEach((part, nanos) -> parts.put(part, nanos - before.byPart.getOrDefault(part, 0L)));
        return new CpuUse(processNanos - before.processNanos, parts);
    }

    /** What the process used beyond its Java threads: the JIT compilers, the garbage collector, the VM. */
    long jvmNanos() {
        return processNanos
                - byPart.values().stream().mapToLong(Long::longValue).sum();
    }
}
