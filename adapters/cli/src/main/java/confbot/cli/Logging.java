package confbot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import confbot.cli.ServeSettings.LogFormat;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjusts Logback for {@code serve} once the settings are known. {@code logback.xml} already picks
 * the format from {@code LOG_FORMAT} in the environment, so the first lines (before the config file
 * is read) are right; this applies {@code log.format} from the file, and raises confbot's own
 * loggers to INFO (connections, the HTTP port, shutdown) unless {@code CONFBOT_LOG_LEVEL} chose.
 *
 * <p>It only swaps the appenders {@code logback.xml} defines ({@code text} and {@code json}); a
 * configuration of the operator's own ({@code -Dlogback.configurationFile}) is left alone.
 */
final class Logging {

    /** The pattern of logback.xml's {@code text} appender; keep the two alike. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    private static final Logger log = LoggerFactory.getLogger(Logging.class);

    private Logging() {}

    static void configureServe(LogFormat format, boolean levelChosen) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J backend on the classpath: nothing of ours to adjust
        }
        if (!levelChosen) {
            context.getLogger("confbot").setLevel(Level.INFO);
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        String wanted = format.name().toLowerCase(Locale.ROOT);
        String other = format == LogFormat.JSON ? "text" : "json";
        Appender<ILoggingEvent> current = root.getAppender(other);
        // No appender at all means logback.xml's ref named none of ours (LOG_FORMAT=JSON, say):
        // without one every line would be lost.
        boolean ours = current != null || !root.iteratorForAppenders().hasNext();
        if (root.getAppender(wanted) != null || !ours) {
            return;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(wanted);
        appender.setTarget("System.err");
        appender.setEncoder(encoder(format, context));
        appender.start();
        root.addAppender(appender);
        if (current != null) {
            root.detachAppender(current);
            current.stop();
        }
        log.debug("Log format: {}", wanted);
    }

    private static Encoder<ILoggingEvent> encoder(LogFormat format, LoggerContext context) {
        if (format == LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // One object per line with the rendered message; the raw template and its arguments
            // would double the size and add nothing a log search needs.
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        return text;
    }
}
