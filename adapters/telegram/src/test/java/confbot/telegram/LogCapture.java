package confbot.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log event while open, from every logger (the adapter's, telegrambots', anything). */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    List<ILoggingEvent> events() {
        synchronized (appender) { // ListAppender appends under this lock
            return new ArrayList<>(appender.list);
        }
    }

    List<String> messages(Level atLeast, String loggerPrefix) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(atLeast) && e.getLoggerName().startsWith(loggerPrefix))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** All messages and stack traces, as they would appear in a log file. */
    String everything() {
        return events().stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }

    static boolean isWarning(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(Level.WARN);
    }
}
