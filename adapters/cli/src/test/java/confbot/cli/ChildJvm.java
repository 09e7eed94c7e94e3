package confbot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a test needs to start the cli in a child JVM: this test run's classpath and the cli's logging. */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * The cli's own logging set-up, named explicitly: in a reactor build the classpath also holds
     * other modules' test classes, whose {@code logback-test.xml} would win and hide INFO lines.
     */
    static String logbackConfig() {
        java.net.URL config = Main.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("the cli's logback.xml is not on the classpath");
        }
        return "-Dlogback.configurationFile=" + config;
    }

    /** The classpath this test runs with: the cli's classes and every dependency, as surefire gave them. */
    /**
     * Starts {@code confbot serve args…} in a child JVM with this test run's classpath, its output in
     * {@code log}, and an environment of PATH, HOME, LANG and {@code env} alone: a developer's own
     * tokens must not leak in.
     */
    static Process serve(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                testClasspath(),
                logbackConfig(),
                Main.class.getName(),
                "serve"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A child's log so far, for a failure message. */
    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static String testClasspath() {
        String classpath = System.getProperty("java.class.path");
        // Surefire may start the fork through a manifest-only jar; its real classpath is kept here.
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            classpath = surefire;
        }
        return classpath;
    }
}
