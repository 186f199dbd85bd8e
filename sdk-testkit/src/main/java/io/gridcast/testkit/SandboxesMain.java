package io.gridcast.testkit;

import java.util.Arrays;
import java.util.Locale;

/**
 * The main class of the runnable jar {@code sdk-testkit-<version>-standalone.jar}: runs one
 * sandbox as a process until it is killed.
 *
 * <pre>
 * java -jar sdk-testkit-0.1.0-standalone.jar spotify --port 8090
 * java -jar sdk-testkit-0.1.0-standalone.jar tradinggrid --port 8089 --bind 0.0.0.0 --state-dir ./tg
 * </pre>
 *
 * <p>The first argument picks the sandbox: {@code spotify} runs {@link SpotifySandboxMain},
 * {@code tradinggrid} runs {@link TradingGridSandboxMain}; every later argument goes to that main
 * unchanged (see their options; {@code --help} lists them). Both listen on {@code 127.0.0.1}
 * unless given {@code --bind}, on a free port unless given {@code --port}, print their addresses
 * and serve a read-only web view at {@code /}. Exits with status 2 and a usage line when the
 * sandbox is missing or unknown. The jar has no slf4j binding: the sandboxes log nothing unless
 * one is added to the class path ({@code java -cp sdk-testkit-…-standalone.jar:logback-classic.jar:…
 * io.gridcast.testkit.SandboxesMain …}).
 */
public final class SandboxesMain {

  static final String USAGE = "usage: java -jar sdk-testkit-<version>-standalone.jar spotify|tradinggrid [options]"
      + " (options: --help after the sandbox's name)";

  private SandboxesMain() {}

  /** Runs the sandbox named by {@code args[0]} with the remaining arguments. */
  public static void main(String[] args) throws InterruptedException {
    // The jar carries no slf4j binding, so logging is off; spare the user slf4j's three lines saying so.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    String sandbox = args.length == 0 ? "" : args[0].toLowerCase(Locale.ROOT);
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (sandbox) {
      case "spotify":
        SpotifySandboxMain.main(rest);
        break;
      case "tradinggrid":
      case "trading-grid":
        TradingGridSandboxMain.main(rest);
        break;
      case "--help":
      case "-h":
        System.out.println(USAGE);
        break;
      default:
        System.err.println((sandbox.isEmpty() ? "which sandbox? " : "unknown sandbox " + args[0] + "; ") + USAGE);
        System.exit(2);
    }
  }
}
