package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every Web API reply a test receives through {@link Http} to Spotify's OpenAPI document:
 * after each test of the annotated class no reply may have broken it. For tests of a strict
 * {@link SpotifySandbox} (the default); leave it off tests of quirks or injected faults, whose
 * replies break the document on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SpotifyContractChecked.Extension.class)
@interface SpotifyContractChecked {

  /** Installs the {@link Http#observer} for each test and asserts afterwards. */
  final class Extension implements BeforeEachCallback, AfterEachCallback {

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> checked = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
      violations.clear();
      checked.clear();
      Http.observer = reply -> {
        if (SpotifyContract.isWebApi(reply.request().uri().getRawPath())) {
          checked.add(reply.request().method() + " " + reply.request().uri().getRawPath() + " " + reply.statusCode());
          violations.addAll(SpotifyContract.violations(reply));
        }
      };
    }

    @Override
    public void afterEach(ExtensionContext context) {
      Http.observer = null;
      assertThat(violations).as("replies breaking Spotify's OpenAPI document, of %s", checked).isEmpty();
    }
  }
}
