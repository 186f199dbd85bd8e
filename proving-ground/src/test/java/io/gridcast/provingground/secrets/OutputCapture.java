package io.gridcast.provingground.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Everything that could be printed while it is on: every logback event at TRACE, rendered with
 * its full stack trace (causes and suppressed exceptions included) and with each argument the
 * event carried; every {@code java.util.logging} record (OkHttp's own logger) at its finest
 * level; and whatever is written to {@link System#out} and {@link System#err}, which are
 * swapped for capturing streams. {@link #close()} restores every level, appender, handler and
 * stream as it was. Thread-safe; one at a time per JVM.
 */
final class OutputCapture implements AutoCloseable {

  /** What an event renders as: time, level, thread, logger, MDC and key-value pairs, message, stack trace. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger %mdc %kvp - %msg%n%ex{full}";
  /** The java.util.logging loggers of the libraries the SDK runs on, turned up to their finest level. */
  private static final List<String> JUL_LOGGERS = List.of("okhttp3", "okio", "retrofit2", "dev.failsafe", "io.gridcast");

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Map<Logger, Level> savedLevels = new HashMap<>();
  private final CapturingAppender appender = new CapturingAppender();
  private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
  private final Map<java.util.logging.Logger, java.util.logging.Level> savedJulLevels = new HashMap<>();
  private final CapturingHandler handler = new CapturingHandler();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Queue<Throwable> throwables = new ConcurrentLinkedQueue<>();

  private OutputCapture() {}

  /** Turns every logger up to TRACE and starts capturing. */
  static OutputCapture start() {
    OutputCapture capture = new OutputCapture();
    capture.begin();
    return capture;
  }

  private void begin() {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    appender.layout = layout;
    appender.setContext(context);
    appender.setName("secret-hygiene-capture");
    appender.start();
    // every logger without a level of its own inherits the root's TRACE
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null) {
        savedLevels.put(logger, logger.getLevel());
        logger.setLevel(Level.TRACE);
      }
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

    handler.setLevel(java.util.logging.Level.ALL);
    julRoot.addHandler(handler);
    for (String name : JUL_LOGGERS) {
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
      savedJulLevels.put(logger, logger.getLevel()); // the map keeps the logger from being collected
      logger.setLevel(java.util.logging.Level.ALL);
    }

    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Each logback event, rendered with {@link #PATTERN}, then one line per argument it carried. */
  List<String> logEvents() {
    return List.copyOf(appender.rendered);
  }

  /** How many logback events arrived, by level name. */
  Map<String, Integer> eventsByLevel() {
    return Map.copyOf(appender.byLevel);
  }

  /** Each java.util.logging record, rendered with its stack trace. */
  List<String> julRecords() {
    return List.copyOf(handler.rendered);
  }

  /** The throwables attached to log events and records. */
  List<Throwable> loggedThrowables() {
    return new ArrayList<>(throwables);
  }

  /** What was written to {@code System.out}. */
  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was written to {@code System.err}. */
  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Restores levels, appenders, handlers and streams. */
  @Override
  public void close() {
    savedLevels.forEach(Logger::setLevel);
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    savedJulLevels.forEach(java.util.logging.Logger::setLevel);
    julRoot.removeHandler(handler);
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private final class CapturingAppender extends AppenderBase<ILoggingEvent> {
    private final Queue<String> rendered = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> byLevel = new ConcurrentHashMap<>();
    private PatternLayout layout;

    @Override
    protected void append(ILoggingEvent event) {
      rendered.add(layout.doLayout(event));
      byLevel.merge(event.getLevel().toString(), 1, Integer::sum);
      // arguments the message has no placeholder for are not rendered, but a sink could print them
      Object[] arguments = event.getArgumentArray();
      if (arguments != null) {
        for (Object argument : arguments) {
          rendered.add("argument of the event above: " + argument);
        }
      }
      if (event.getThrowableProxy() instanceof ThrowableProxy proxy) {
        throwables.add(proxy.getThrowable());
      }
    }
  }

  private final class CapturingHandler extends Handler {
    private final Queue<String> rendered = new ConcurrentLinkedQueue<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      StringBuilder sb = new StringBuilder()
          .append(record.getLevel()).append(' ').append(record.getLoggerName()).append(" - ")
          .append(formatter.formatMessage(record));
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        sb.append('\n').append(trace);
        throwables.add(record.getThrown());
      }
      rendered.add(sb.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
