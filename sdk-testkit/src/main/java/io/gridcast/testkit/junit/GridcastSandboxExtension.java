package io.gridcast.testkit.junit;

import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyQuirk;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GridcastSandboxes}: starts the sandboxes, injects them
 * and their clients, resets them and sets each test's {@link SandboxFaults}. Use it through the
 * annotation; {@code @ExtendWith(GridcastSandboxExtension.class)} alone behaves like {@code
 * @GridcastSandboxes} with its defaults. Safe for tests running in parallel in different classes
 * with {@link GridcastSandboxes.Scope#CLASS}.
 */
public final class GridcastSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

  static final String SPOTIFY_CLIENT = "io.gridcast.spotify.SpotifyClient";
  static final String TRADING_GRID_CLIENT = "io.gridcast.tradinggrid.TradingGridClient";
  private static final Set<String> INJECTABLE = Set.of(SpotifySandbox.class.getName(), TradingGridSandbox.class.getName(),
      SPOTIFY_CLIENT, TRADING_GRID_CLIENT);
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GridcastSandboxExtension.class);
  private static final String SANDBOXES = "sandboxes";

  /** Created by JUnit. */
  public GridcastSandboxExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    SandboxPair sandboxes = sandboxes(context);
    for (Field field : injectedFields(context.getRequiredTestClass())) {
      if (Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        field.set(null, sandboxes.get(field.getType().getName()));
      }
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    SandboxPair sandboxes = sandboxes(context);
    for (Field field : injectedFields(testInstance.getClass())) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        field.set(testInstance, sandboxes.get(field.getType().getName()));
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SandboxPair sandboxes = sandboxes(context);
    if (settings(context).resetBeforeEachTest()) {
      sandboxes.spotify().reset();
      sandboxes.tradingGrid().reset();
    }
    Map<SandboxFaults.Target, SandboxFaults> faults = faults(context);
    sandboxes.spotify().faults(profile(Optional.ofNullable(faults.get(SandboxFaults.Target.SPOTIFY)), "/api/token"));
    sandboxes.tradingGrid().faults(profile(Optional.ofNullable(faults.get(SandboxFaults.Target.TRADING_GRID)),
        TradingGridSandbox.TOKEN_PATH_PREFIX));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Class-wide sandboxes go with the outermost class; JUnit would also close them with its
    // store, but only from 5.13 on.
    if (settings(context).scope() == GridcastSandboxes.Scope.CLASS && outermostClass(context) == context) {
      SandboxPair sandboxes = context.getStore(NAMESPACE).remove(key(context), SandboxPair.class);
      if (sandboxes != null) {
        sandboxes.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType().getName());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandboxes(context).get(parameter.getParameter().getType().getName());
  }

  // ---- where the sandboxes live -------------------------------------------------------------

  private static SandboxPair sandboxes(ExtensionContext context) {
    GridcastSandboxes settings = settings(context);
    ExtensionContext owner = settings.scope() == GridcastSandboxes.Scope.RUN ? context.getRoot() : outermostClass(context);
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), key -> SandboxPair.start(settings.seed(), quirks(settings)), SandboxPair.class);
  }

  private static Set<SpotifyQuirk> quirks(GridcastSandboxes settings) {
    if (settings.realWorldSpotify()) {
      return SpotifyQuirk.REAL_WORLD;
    }
    return settings.spotifyQuirks().length == 0 ? SpotifyQuirk.NONE : EnumSet.copyOf(Arrays.asList(settings.spotifyQuirks()));
  }

  private static String key(ExtensionContext context) {
    GridcastSandboxes settings = settings(context);
    return SANDBOXES + ":" + settings.seed() + ":" + new TreeSet<>(quirks(settings));
  }

  /** The context of the top-level class around {@code context}: its store lives as long as that class runs. */
  private static ExtensionContext outermostClass(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static GridcastSandboxes settings(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<GridcastSandboxes> found = AnnotationSupport.findAnnotation(c, GridcastSandboxes.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Defaults.class.getAnnotation(GridcastSandboxes.class);
  }

  /** Carries the annotation's defaults for classes that use {@code @ExtendWith} alone. */
  @GridcastSandboxes
  private static final class Defaults {}

  // ---- injection and faults -----------------------------------------------------------------

  private static List<Field> injectedFields(Class<?> testClass) {
    List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, FromSandbox.class);
    for (Field field : fields) {
      if (!INJECTABLE.contains(field.getType().getName())) {
        throw new ExtensionConfigurationException("@FromSandbox field " + testClass.getSimpleName() + "." + field.getName()
            + " has type " + field.getType().getSimpleName() + "; it must be one of SpotifySandbox, TradingGridSandbox,"
            + " SpotifyClient or TradingGridClient");
      }
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException("@FromSandbox field " + testClass.getSimpleName() + "." + field.getName()
            + " is final; remove final so that it can be set");
      }
    }
    return fields;
  }

  /** The faults of the test: its method's annotations, else its class's (or enclosing classes'), per sandbox. */
  private static Map<SandboxFaults.Target, SandboxFaults> faults(ExtensionContext context) {
    List<SandboxFaults> annotations = context.getTestMethod()
        .map(m -> AnnotationSupport.findRepeatableAnnotations(m, SandboxFaults.class)).orElse(List.of());
    Map<SandboxFaults.Target, SandboxFaults> byTarget = new EnumMap<>(SandboxFaults.Target.class);
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      put(byTarget, AnnotationSupport.findRepeatableAnnotations(c, SandboxFaults.class), false);
    }
    put(byTarget, annotations, true);
    return byTarget;
  }

  private static void put(Map<SandboxFaults.Target, SandboxFaults> byTarget, List<SandboxFaults> annotations, boolean override) {
    for (SandboxFaults f : annotations) {
      for (SandboxFaults.Target t : f.sandbox() == SandboxFaults.Target.BOTH
          ? List.of(SandboxFaults.Target.SPOTIFY, SandboxFaults.Target.TRADING_GRID) : List.of(f.sandbox())) {
        if (override || !byTarget.containsKey(t)) {
          byTarget.put(t, f);
        }
      }
    }
  }

  static FaultProfile profile(Optional<SandboxFaults> annotation, String tokenPath) {
    if (annotation.isEmpty()) {
      return FaultProfile.none();
    }
    SandboxFaults f = annotation.get();
    FaultProfile.Builder b = FaultProfile.builder()
        .seed(f.seed())
        .serverErrorRate(f.serverErrorRate())
        .rateLimitRate(f.rateLimitRate())
        .retryAfterSeconds(f.retryAfterSeconds())
        .connectionResetRate(f.connectionResetRate())
        .malformedBodyRate(f.malformedBodyRate())
        .latency(java.time.Duration.ofMillis(f.latencyMillis()), java.time.Duration.ZERO);
    if (f.exemptTokenEndpoint()) {
      b.exemptPath(tokenPath);
    }
    return b.build();
  }
}
