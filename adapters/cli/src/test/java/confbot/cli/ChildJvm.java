package confbot.cli;

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
