package io.gridcast.testkit.junit;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Builds Gridcast's clients for the sandboxes. The clients' modules test against this one, so
 * this module cannot depend on them at compile time: their builders are called by name, and only
 * when a test asks for a client (then they are on its class path).
 */
final class SandboxClients {

  private SandboxClients() {}

  /** {@code SpotifyClient.builder().baseUrl(api).tokenProvider(demo user, every scope).build()}. */
  static AutoCloseable spotify(SpotifySandbox sandbox) {
    Object builder = builder(GridcastSandboxExtension.SPOTIFY_CLIENT, "sdk-spotify");
    call(builder, "baseUrl", String.class, sandbox.apiBaseUri().toString());
    call(builder, "tokenProvider", AccessTokenProvider.class, new SandboxUserTokens(sandbox));
    return (AutoCloseable) call(builder, "build", null, null);
  }

  /** {@code TradingGridClient.builder()} on the demo tenant's client and the demo community. */
  static AutoCloseable tradingGrid(TradingGridSandbox sandbox) {
    Object builder = builder(GridcastSandboxExtension.TRADING_GRID_CLIENT, "sdk-tradinggrid");
    call(builder, "baseUrl", String.class, sandbox.baseUrl().toString());
    call(builder, "tenant", String.class, TradingGridSandbox.DEFAULT_TENANT_ID);
    call(builder, "community", String.class, TradingGridSandbox.DEFAULT_COMMUNITY_ID);
    try {
      builder.getClass().getMethod("clientCredentials", String.class, Secret.class)
          .invoke(builder, TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET));
    } catch (ReflectiveOperationException e) {
      throw failure("TradingGridClient.Builder.clientCredentials", e);
    }
    return (AutoCloseable) call(builder, "build", null, null);
  }

  private static Object builder(String clientClass, String module) {
    try {
      Class<?> type = Class.forName(clientClass, true, Thread.currentThread().getContextClassLoader());
      return type.getMethod("builder").invoke(null);
    } catch (ClassNotFoundException e) {
      throw new ExtensionConfigurationException(clientClass + " is not on the test class path: add io.gridcast:" + module
          + " to the test dependencies, or inject the sandbox instead of the client", e);
    } catch (ReflectiveOperationException e) {
      throw failure(clientClass + ".builder()", e);
    }
  }

  private static Object call(Object target, String method, Class<?> parameterType, Object argument) {
    try {
      Method m = parameterType == null ? target.getClass().getMethod(method) : target.getClass().getMethod(method, parameterType);
      return parameterType == null ? m.invoke(target) : m.invoke(target, argument);
    } catch (ReflectiveOperationException e) {
      throw failure(target.getClass().getSimpleName() + "." + method, e);
    }
  }

  private static RuntimeException failure(String what, ReflectiveOperationException e) {
    Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
    return new ExtensionConfigurationException("cannot build a client for the sandbox: " + what + " failed (is the"
        + " Gridcast client the same version as sdk-testkit?): " + cause, cause);
  }
}
