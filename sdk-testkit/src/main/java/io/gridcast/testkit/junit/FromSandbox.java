package io.gridcast.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that {@link GridcastSandboxes} fills with a sandbox or a client: its type must
 * be one the extension injects ({@code SpotifySandbox}, {@code TradingGridSandbox}, {@code
 * SpotifyClient} or {@code TradingGridClient}). Static fields are set before {@code @BeforeAll}
 * methods run, instance fields when the test instance is created.
 *
 * <pre>{@code
 * @GridcastSandboxes
 * class PlaylistSyncTest {
 *   @FromSandbox SpotifySandbox spotify;
 *   @FromSandbox SpotifyClient client;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface FromSandbox {}
