package confbot.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The Logback events logged while open, so that a test can assert them: where a behaviour is a
 * log line (a skipped file is one warning, a caught failure is not an error, a token appears in no
 * line), the log line is what gets checked. One fixture for every module, so that each test says
 * what it expects rather than how to capture it.
 *
 * <p>Open it as a field, {@code private final LogCapture log = LogCapture.of(NotesFolder.class);},
 * and close it in {@code @AfterEach}, or in a try-with-resources block. It sees only what the
 * logger's level lets through; a test that needs DEBUG sets that level itself.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    /** What {@code loggerOf}'s own logger (and any logger below it) logs. */
    public static LogCapture of(Class<?> loggerOf) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerOf));
    }

    /** What every logger logs: the code under test's, a library's, anything. */
    public static LogCapture root() {
        return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    /** A copy of the events so far, safe to read while other threads still log. */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // ListAppender appends under this lock
            return new ArrayList<>(appender.list);
        }
    }

    /** The formatted messages at WARN or above. */
    public List<String> warnings() {
        return messages(Level.WARN, "");
    }

    /** The formatted messages at ERROR. */
    public List<String> errors() {
        return messages(Level.ERROR, "");
    }

    /** The formatted messages at {@code atLeast} or above, from loggers whose name starts with {@code loggerPrefix}. */
    public List<String> messages(Level atLeast, String loggerPrefix) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(atLeast)
                        && e.getLoggerName().startsWith(loggerPrefix))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** All messages and stack traces, as they would appear in a log file. */
    public String everything() {
        return events().stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    /** Detaches the capture; the events stay readable. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
