package dev.cutover.cli;

/**
 * Configures the SLF4J binding (slf4j-simple) before any logger exists: log lines go to stderr, at
 * WARN, or DEBUG with {@code --debug}. slf4j-simple reads these system properties once, when the
 * first logger is created, so this runs first thing in {@link Main}. Properties already set (for
 * example with {@code -D} on the java command line) are kept.
 */
final class Logging {

  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /** True if {@code --debug} appears among the arguments. */
  static boolean debugIn(String[] args) {
    for (String arg : args) {
      if (arg.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  static void configure(boolean debug) {
    setDefault("logFile", "System.err");
    setDefault("defaultLogLevel", debug ? "debug" : "warn");
    setDefault("showThreadName", "false");
    setDefault("showShortLogName", "true");
    setDefault("levelInBrackets", "true");
    // Even with --debug, the embedded sandbox's web server need not narrate every request.
    setDefault("log.org.eclipse.jetty", "warn");
    setDefault("log.org.apache.http.wire", "info");
    // azure-core's JDK client warns on every request that java.net.http sets Content-Length
    // itself; nothing is wrong and nothing can be done about it by the user.
    setDefault("log.com.azure.core.http.jdk.httpclient.JdkHttpClient", "error");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(PREFIX + key) == null) {
      System.setProperty(PREFIX + key, value);
    }
  }
}
